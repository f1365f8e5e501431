package io.milvusingest.route;

import io.milvus.v2.client.MilvusClientV2;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel health check {@code milvus}: UP when Milvus answers a cheap call (list collections) within
 * {@link #TIMEOUT_MS}, DOWN otherwise, with the error message (never credentials) in the details.
 */
public final class MilvusHealthCheck extends AbstractHealthCheck {
    /** How long one probe may take before Milvus counts as down, in ms. */
    public static final long TIMEOUT_MS = 3_000;
    private final MilvusClientV2 client;
    // own daemon threads: a probe stuck in the SDK's retries must not hold the common pool or JVM exit
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "milvus-health");
        t.setDaemon(true);
        return t;
    });

    public MilvusHealthCheck(MilvusClientV2 client) {
        super("milvus-ingest", "milvus");
        this.client = client;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            // the SDK retries an unreachable server for longer than a probe should wait
            CompletableFuture.supplyAsync(client::listCollections, probes).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            builder.up();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().message("interrupted");
        } catch (Exception e) {
            builder.down().message("Milvus unreachable: " + e);
        }
    }
}
