package io.milvusingest.milvus;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: many documents share one Milvus flush. {@link #commitAsync()} returns a future completed when a
 * flush that <em>started after the call</em> has completed, so every row the caller wrote before calling is
 * sealed by then. Requests made while a flush runs join the next one; flush starts are spaced at least
 * {@code minIntervalMs} apart ({@code milvus.commit.min-interval-ms}).
 *
 * <p>Why coalesce: a Milvus server rate-limits flush per collection ({@code quotaAndLimits.flushRate.collection.max},
 * 0.1 per second in Milvus 2.4/2.5's milvus.yaml, i.e. one flush per 10 s) and each flush seals a segment, so one
 * flush per document would be refused or would fragment the collection.
 *
 * <p>Thread-safe. Flushes run on one daemon thread, which also completes the waiters' futures: their dependent
 * actions (a Camel route's remainder, e.g. moving a file to {@code .done/}) should be short. Free of Camel.
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Runnable flush;
    private final long minIntervalNanos;
    private final ScheduledExecutorService thread;
    private final AtomicLong flushes = new AtomicLong();
    private final Object lock = new Object();
    /** Waiters of the next flush (not yet started), or null when nobody waits. Guarded by lock. */
    private CompletableFuture<Void> next;
    /** A flush is scheduled or running. Guarded by lock. */
    private boolean busy;
    /** System.nanoTime() at the start of the last flush, valid once started; all guarded by lock. */
    private long lastStart;
    private boolean started, closed;

    /**
     * @param flush         seals the written rows; throws (an {@link IngestException}, e.g. STORE_UNAVAILABLE) when
     *                      it fails, which fails every waiter of that flush with the same exception
     * @param minIntervalMs least time between the starts of two flushes, in ms; 0 = back to back
     */
    public GroupCommit(Runnable flush, long minIntervalMs) {
        if (minIntervalMs < 0) {
            throw new IllegalArgumentException("minIntervalMs must not be negative, got " + minIntervalMs);
        }
        this.flush = flush;
        this.minIntervalNanos = TimeUnit.MILLISECONDS.toNanos(minIntervalMs);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "milvus-group-commit");
            t.setDaemon(true);
            return t;
        });
    }

    /** Group commit of {@link MilvusStore#commit()}. @param minIntervalMs see {@link #GroupCommit(Runnable, long)} */
    public static GroupCommit of(MilvusStore writer, long minIntervalMs) {
        return new GroupCommit(writer::commit, minIntervalMs);
    }

    /**
     * @return completes when a flush started after this call has completed; fails with that flush's exception,
     *     or with STORE_UNAVAILABLE once {@link #close()}d
     */
    public CompletableFuture<Void> commitAsync() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(IngestException.of(ErrorKind.STORE_UNAVAILABLE,
                        Stage.UPLOAD, "the group commit is closed (shutting down)").build());
            }
            if (next == null) {
                next = new CompletableFuture<>();
            }
            CompletableFuture<Void> waiter = next;
            if (!busy) { // else the running flush schedules the next one when it ends
                busy = true;
                scheduleLocked();
            }
            return waiter;
        }
    }

    /** @return flushes completed (successfully or not) since creation */
    public long flushes() {
        return flushes.get();
    }

    private void scheduleLocked() {
        long wait = started ? Math.max(0, lastStart + minIntervalNanos - System.nanoTime()) : 0;
        thread.schedule(this::runFlush, wait, TimeUnit.NANOSECONDS);
    }

    private void runFlush() {
        CompletableFuture<Void> batch;
        synchronized (lock) {
            batch = next; // requests from now on wait for the next flush: this one may miss their rows
            if (batch == null) { // closed meanwhile: close() failed the waiters
                busy = false;
                return;
            }
            next = null;
            lastStart = System.nanoTime();
            started = true;
        }
        Throwable failure = null;
        try {
            flush.run();
        } catch (Throwable e) {
            failure = e;
        }
        flushes.incrementAndGet();
        LOG.debug("flush {} in {} ms{}", flushes.get(), (System.nanoTime() - lastStart) / 1_000_000,
                failure == null ? "" : ": " + failure);
        synchronized (lock) {
            // schedule before completing, so the spacing counts from this flush's start, not from the callbacks' end
            if (next != null && !closed) {
                scheduleLocked();
            } else {
                busy = false;
            }
        }
        if (failure == null) {
            batch.complete(null);
        } else {
            batch.completeExceptionally(failure);
        }
    }

    /** Stops the flush thread; waiters of a flush not yet started fail with STORE_UNAVAILABLE. */
    @Override
    public void close() {
        CompletableFuture<Void> orphans;
        synchronized (lock) {
            closed = true;
            orphans = next;
            next = null;
        }
        thread.shutdownNow();
        if (orphans != null) {
            orphans.completeExceptionally(IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD,
                    "the group commit closed before the flush").build());
        }
    }
}
