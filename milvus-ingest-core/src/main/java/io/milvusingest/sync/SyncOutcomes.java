package io.milvusingest.sync;

import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.report.FailureRecord;
import io.milvusingest.model.IngestException;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.model.Stage;
import io.milvusingest.milvus.GroupCommit;
import io.milvusingest.milvus.MilvusStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Records how each new or changed object ended: in the state, in failure records, in the cycle's summary. An
 * ingested version enters the state only after the cycle's flush ({@link #commit}): a crash or a failed flush
 * before that leaves the object unrecorded, so the next cycle ingests it again (an idempotent upsert) instead of
 * skipping rows that were never committed. Not thread-safe: one cycle at a time.
 */
final class SyncOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(SyncOutcomes.class);

    private final SyncState state;
    private final SyncFailures failures;
    private final MilvusStore writer;
    private final GroupCommit commit;
    private final ProgressListener listener;
    /** Versions ingested this cycle, recorded in the state once the cycle's flush completes. */
    private final List<BucketObject> uncommitted = new ArrayList<>();

    SyncOutcomes(SyncState state, SyncFailures failures, MilvusStore writer, GroupCommit commit,
                 ProgressListener listener) {
        this.state = state;
        this.failures = failures;
        this.writer = writer;
        this.commit = commit;
        this.listener = listener;
    }

    /**
     * The object's rows are written and visible (the pipeline already replaced an earlier version's rows); the
     * version is recorded by {@link #commit}.
     */
    void ingested(BucketObject object, DocumentResult result, SyncSummary summary) {
        boolean changed = state.etagOf(object.sourceId()).isPresent();
        uncommitted.add(object);
        if (changed) {
            summary.changed();
        } else {
            summary.added();
        }
        LOG.info("{} {} (etag {}): {} chunks{}", changed ? "re-ingested changed" : "ingested new", object.sourceId(),
                object.etag(), result.chunks(), result.stale() > 0 ? ", " + result.stale() + " stale rows deleted" : "");
    }

    /**
     * A transient failure (Milvus or S3 unreachable) leaves the state alone, so the next cycle retries. A
     * permanent one writes the failure record, deletes the rows of the object's previous version (they describe
     * content no longer in the bucket) and marks this version processed: it is not retried until it changes.
     */
    void failed(BucketObject object, Throwable error, SyncSummary summary) {
        Throwable cause = classify(object, error);
        summary.failed();
        listener.failed(object.key(), cause);
        if (cause instanceof IngestException ie && ie.kind().isTransient()) {
            LOG.warn("{} failed, retried next cycle: {}", object.sourceId(), ie.toString());
            return;
        }
        try {
            Path file = failures.write(object, FailureRecord.of(object.name(), object.sourceId(), cause, 1));
            LOG.warn("{} (etag {}) failed, not retried until it changes: {} (see {})", object.sourceId(),
                    object.etag(), cause, file);
        } catch (IOException e) {
            LOG.error("{} failed ({}) and its failure record could not be written: {}", object.sourceId(), cause, e);
        }
        try {
            if (state.etagOf(object.sourceId()).isPresent()) {
                int rows = writer.deleteSource(object.sourceId());
                LOG.info("deleted {} rows of the previous version of {}", rows, object.sourceId());
            }
            state.markProcessed(object.sourceId(), object.etag());
        } catch (IngestException e) {
            LOG.warn("could not delete the previous rows of {}; retried next cycle: {}", object.sourceId(), e.getMessage());
        }
    }

    /**
     * Flushes the cycle's writes (once per cycle, not per object: Milvus rate-limits flush; through the group
     * commit, so the drop folder's flushes and these are spaced together), then records the versions ingested this
     * cycle. Skipped when nothing was ingested or deleted, so an idle cycle, or one that failed because Milvus is
     * down, makes no Milvus call. A failed flush records nothing: those objects are ingested again next cycle.
     */
    void commit(SyncSummary summary) {
        if (summary.newCount() + summary.changedCount() + summary.deletedCount() == 0 && uncommitted.isEmpty()) {
            return;
        }
        try {
            commit.commitAsync().join();
        } catch (CompletionException e) {
            LOG.warn("flush after the sync cycle failed; {} ingested objects are not recorded and are ingested again"
                    + " next cycle: {}", uncommitted.size(), e.getCause() == null ? e : e.getCause().getMessage());
            uncommitted.clear();
            return;
        }
        for (BucketObject object : uncommitted) {
            state.markProcessed(object.sourceId(), object.etag());
            clearFailure(object);
        }
        uncommitted.clear();
    }

    /** S3 client errors (GET refused, connection lost, object gone) are transient: the next cycle decides. */
    private static Throwable classify(BucketObject object, Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof IngestException) {
                return c;
            }
            if (c instanceof SdkException) {
                return IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.EXTRACT, "S3 GET failed: "
                        + c.getMessage()).source(object.sourceId()).cause(c).build();
            }
        }
        return error;
    }

    private void clearFailure(BucketObject object) {
        try {
            failures.clear(object.bucket(), object.key());
        } catch (IOException e) {
            LOG.warn("could not remove the old failure record of {}: {}", object.sourceId(), e.toString());
        }
    }
}
