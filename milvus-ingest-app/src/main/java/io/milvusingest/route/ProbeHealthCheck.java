package io.milvusingest.route;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A Camel health check that is UP when {@link #probe()} returns within {@link #TIMEOUT_MS}, DOWN otherwise with
 * {@code "<what> unreachable: <reason>"} (subclasses keep credentials out of their probes' messages).
 */
abstract class ProbeHealthCheck extends AbstractHealthCheck {
    /** How long one probe may take before the service counts as down, in ms. */
    static final long TIMEOUT_MS = 3_000;
    private final String what;
    // own daemon threads: a probe stuck in a client's retries must not hold a shared pool or the JVM's exit
    private final ExecutorService probes;

    ProbeHealthCheck(String id, String what) {
        super("milvus-ingest", id);
        this.what = what;
        this.probes = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, id + "-health");
            t.setDaemon(true);
            return t;
        });
    }

    /** A cheap call to the service; throws when it is not usable. */
    protected abstract void probe();

    @Override
    protected final void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            CompletableFuture.runAsync(this::probe, probes).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            builder.up();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().message("interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            builder.down().message(what + " unreachable: " + cause.getMessage());
        }
    }
}
