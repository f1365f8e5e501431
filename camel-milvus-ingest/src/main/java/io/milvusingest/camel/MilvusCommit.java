package io.milvusingest.camel;

import io.milvusingest.milvus.GroupCommit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Processor {@code milvusCommit} (bound by {@link MilvusIngestBeans}): the exchange continues once a Milvus flush
 * that started after it arrived has completed ({@link GroupCommit}, the collection's that the {@code milvus-ingest}
 * endpoint wrote to, from the exchange property {@value MilvusIngestConstants#COMMIT_PROPERTY}), so the rows are
 * committed before the source is let go (the drop folder's move to {@code .done/}); an exchange that wrote nothing
 * continues at once. Asynchronous: no thread is held while the exchange waits, so
 * many documents share one flush while others are still being extracted and embedded. A failed flush fails the
 * exchange with its {@link io.milvusingest.model.IngestException} (STORE_UNAVAILABLE: transient, redelivered).
 * The body is left as it is.
 */
public final class MilvusCommit extends AsyncProcessorSupport {
    /** Name of this processor in the Camel registry, as the YAML routes reference it. */
    public static final String BEAN = "milvusCommit";

    private final LongConsumer latencyNanos;

    public MilvusCommit() {
        this(nanos -> { });
    }

    /** @param latencyNanos receives each commit's wait (arrival to flush completed), in nanoseconds (metrics) */
    public MilvusCommit(LongConsumer latencyNanos) {
        this.latencyNanos = latencyNanos;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        GroupCommit commit = exchange.getProperty(MilvusIngestConstants.COMMIT_PROPERTY, GroupCommit.class);
        if (commit == null) {
            callback.done(true);
            return true;
        }
        CompletableFuture<Void> flushed;
        long t0 = System.nanoTime();
        try {
            flushed = commit.commitAsync();
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        flushed.whenComplete((ok, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                latencyNanos.accept(System.nanoTime() - t0);
            }
            // continues the route on the thread that completed the flush
            callback.done(false);
        });
        return false;
    }
}
