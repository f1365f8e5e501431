package io.milvusingest.route;

import io.milvusingest.bulk.ObjectStore;

/**
 * Camel health check {@code object-storage}: UP when Milvus's bucket (the bulk import staging area, MinIO or S3)
 * answers a HEAD within {@link ProbeHealthCheck#TIMEOUT_MS}, DOWN otherwise with the reason (never the keys).
 * Registered only when bulk import is on.
 */
public final class ObjectStoreHealthCheck extends ProbeHealthCheck {
    private final ObjectStore store;

    public ObjectStoreHealthCheck(ObjectStore store) {
        super("object-storage", "object storage");
        this.store = store;
    }

    @Override
    protected void probe() {
        store.requireBucket();
    }
}
