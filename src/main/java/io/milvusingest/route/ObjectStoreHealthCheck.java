package io.milvusingest.route;

import io.milvusingest.bulk.ObjectStore;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel health check {@code object-storage}: UP when Milvus's bucket (the bulk import staging area, MinIO or S3)
 * answers a HEAD within {@link #TIMEOUT_MS}, DOWN otherwise with the reason (never the keys). Registered only
 * when bulk import is on.
 */
public final class ObjectStoreHealthCheck extends AbstractHealthCheck {
    /** How long one probe may take before the object storage counts as down, in ms. */
    public static final long TIMEOUT_MS = 3_000;
    private final ObjectStore store;
    // own daemon threads: a probe stuck on a dead endpoint must not hold a shared pool or the JVM's exit
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "object-storage-health");
        t.setDaemon(true);
        return t;
    });

    public ObjectStoreHealthCheck(ObjectStore store) {
        super("milvus-ingest", "object-storage");
        this.store = store;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            CompletableFuture.runAsync(store::requireBucket, probes).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            builder.up();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().message("interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            builder.down().message("object storage unreachable: " + cause.getMessage());
        }
    }
}
