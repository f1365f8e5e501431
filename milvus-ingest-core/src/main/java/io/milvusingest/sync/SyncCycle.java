package io.milvusingest.sync;

import io.milvusingest.config.SyncConfig;
import io.milvusingest.milvus.GroupCommit;
import io.milvusingest.milvus.MilvusStore;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.IngestException;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.FailureRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bucket sync of one collection, cycle by cycle: {@link #plan()} lists the bucket; for each new or changed
 * object the caller checks its size ({@link #checkSize}), GETs it, {@link #download}s the response, runs the
 * pipeline and reports {@link #ingested} or {@link #failed}; {@link #finish} ends the cycle; {@link #cycleFailed}
 * when the cycle itself failed. The GET and the pipeline are the caller's (the bucket-sync route); this class holds
 * the decisions and the persisted state. One cycle at a time.
 */
public final class SyncCycle {
    private static final Logger LOG = LoggerFactory.getLogger(SyncCycle.class);

    private final SyncConfig config;
    private final long maxBytes;
    private final S3Client s3;
    private final ChangeDetector changes;
    private final CollectionCheck check;
    private final DeletionSweep sweep;
    private final SyncOutcomes outcomes;
    private final List<Consumer<SyncSummary>> cycleListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedCycles = new AtomicInteger();

    /**
     * Opens the persisted state of the collection, {@code <sync.state-dir>/<collection>/}: each collection has its
     * own, so syncing the same bucket into two collections ingests it into both. Both folders are made owner-only
     * ({@link OwnerOnly}).
     *
     * @param maxBytes objects over this size fail as TOO_LARGE before their GET ({@code ingest.max-bytes})
     * @param commit   flushes the cycle's writes before the ingested versions are recorded in the state
     * @param s3       lists the bucket (e.g. {@link SyncS3Client#create}); not closed here
     */
    public SyncCycle(SyncConfig config, long maxBytes, String collection, MilvusStore writer, GroupCommit commit,
                     ProgressListener listener, S3Client s3) {
        this.config = config;
        this.maxBytes = maxBytes;
        this.s3 = s3;
        Path dir = config.stateDir().resolve(collection);
        try {
            // owner-only, like everything below it: in a folder others may write, they could swap the state folder
            OwnerOnly.createDirectories(config.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sync state folder " + config.stateDir(), e);
        }
        SyncState state = new SyncState(dir);
        SyncFailures failures = new SyncFailures(dir);
        this.changes = new ChangeDetector(Set.copyOf(config.include()), state);
        this.check = new CollectionCheck(state, failures, writer, config.sourceIdPrefix());
        this.sweep = new DeletionSweep(state, failures, writer);
        this.outcomes = new SyncOutcomes(state, failures, writer, commit, listener);
    }

    /** @param listener told each cycle's summary when the cycle ends */
    public void onCycle(Consumer<SyncSummary> listener) {
        cycleListeners.add(listener);
    }

    /**
     * Lists the bucket; counts unchanged objects as skipped.
     *
     * @throws IngestException STORE_UNAVAILABLE when the bucket cannot be listed or Milvus not reached (the cycle
     *                         ends without changes)
     */
    public SyncPlan plan() {
        SyncSummary summary = new SyncSummary(config.sourceIdPrefix());
        check.verify();
        List<BucketObject> listing = BucketListing.list(s3, config.bucket(), config.prefix());
        return new SyncPlan(listing, changes.toIngest(listing, summary), summary);
    }

    /** Before the GET. @throws IngestException TOO_LARGE when the listed size exceeds ingest.max-bytes */
    public void checkSize(BucketObject object) {
        if (object.sizeBytes() > maxBytes) {
            throw ObjectDownload.tooLarge(object, maxBytes, "object is " + object.sizeBytes() + " bytes");
        }
    }

    /**
     * Streams the GET response to a temp file, and closes it.
     *
     * @param body the GET's body; when it is the AWS SDK's response stream, the version read is taken from it
     * @throws IngestException TOO_LARGE past ingest.max-bytes; STORE_UNAVAILABLE when the stream breaks
     */
    public DownloadedObject download(BucketObject listed, InputStream body) {
        BucketObject object = BucketObject.asRead(listed, body);
        return new DownloadedObject(object, ObjectDownload.toTempFile(body, object, maxBytes));
    }

    /** Counts the ingested version (new or changed); it is recorded in the state by {@link #finish} once flushed. */
    public void ingested(SyncPlan plan, BucketObject object, DocumentResult result) {
        outcomes.ingested(object, result, plan.summary());
    }

    /**
     * Records the failure: permanent ones are not retried until the object changes; transient ones are.
     *
     * @param error the failure as caught, possibly wrapped; its {@link IngestException}, if any, decides
     */
    public void failed(SyncPlan plan, BucketObject object, Throwable error) {
        outcomes.failed(object, FailureRecord.rootIngestCause(error), plan.summary());
    }

    /**
     * Deletes the rows of vanished objects ({@code sync.deletes}), commits (one flush for the cycle) and only then
     * records the ingested versions; logs the summary and tells the {@link #onCycle} listeners.
     */
    public SyncSummary finish(SyncPlan plan) {
        SyncSummary summary = plan.summary();
        if (config.deletes()) {
            sweep.sweep(config.bucket(), plan.listing(), config.sourceIdPrefix(), summary);
        }
        outcomes.commit(summary);
        LOG.info("{}", summary.describe());
        cycleListeners.forEach(l -> l.accept(summary));
        return summary;
    }

    /** The cycle failed before finishing (listing refused): nothing was decided; logs one line. */
    public void cycleFailed(Throwable error) {
        Throwable cause = FailureRecord.rootIngestCause(error);
        failedCycles.incrementAndGet();
        LOG.warn("sync {} failed, retried in {} ms: {}", config.sourceIdPrefix(), config.delayMs(),
                cause == null ? null : cause.getMessage());
    }

    /** @return cycles that failed before finishing since start-up */
    public int failedCycles() {
        return failedCycles.get();
    }
}
