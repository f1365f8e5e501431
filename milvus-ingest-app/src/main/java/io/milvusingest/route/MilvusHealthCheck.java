package io.milvusingest.route;

import io.milvus.v2.client.MilvusClientV2;

/**
 * Camel health check {@code milvus}: UP when Milvus answers a cheap call (list collections) within
 * {@link ProbeHealthCheck#TIMEOUT_MS}, DOWN otherwise, with the error message (never credentials) in the details.
 */
public final class MilvusHealthCheck extends ProbeHealthCheck {
    private final MilvusClientV2 client;

    public MilvusHealthCheck(MilvusClientV2 client) {
        super("milvus", "Milvus");
        this.client = client;
    }

    @Override
    protected void probe() {
        client.listCollections();
    }
}
