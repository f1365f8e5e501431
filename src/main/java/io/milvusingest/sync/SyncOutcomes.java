package io.milvusingest.sync;

import io.milvusingest.ingest.DocumentResult;
import io.milvusingest.ingest.ErrorKind;
import io.milvusingest.ingest.FailureRecord;
import io.milvusingest.ingest.IngestException;
import io.milvusingest.ingest.ProgressListener;
import io.milvusingest.ingest.Stage;
import io.milvusingest.milvus.MilvusWriter;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/** Records how each new or changed object ended: in the state, in failure records, in the cycle's summary. */
final class SyncOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(SyncOutcomes.class);

    private final SyncState state;
    private final SyncFailures failures;
    private final MilvusWriter writer;
    private final ProgressListener listener;

    SyncOutcomes(SyncState state, SyncFailures failures, MilvusWriter writer, ProgressListener listener) {
        this.state = state;
        this.failures = failures;
        this.writer = writer;
        this.listener = listener;
    }

    /** The object's rows are written (the pipeline already replaced an earlier version's rows). */
    void ingested(BucketObject object, DocumentResult result, SyncSummary summary) {
        boolean changed = state.etagOf(object.sourceId()).isPresent();
        state.markProcessed(object.sourceId(), object.etag());
        clearFailure(object);
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
     * Seals the cycle's writes into segments (once per cycle, not per object: Milvus rate-limits flush). Skipped
     * when nothing was ingested or deleted, so an idle cycle, or one that failed because Milvus is down, makes no
     * Milvus call.
     */
    void flushIfChanged(SyncSummary summary) {
        if (summary.newCount() + summary.changedCount() + summary.deletedCount() == 0) {
            return;
        }
        try {
            writer.flush();
        } catch (IngestException e) { // not fatal: acknowledged writes are already in Milvus's write-ahead log
            LOG.warn("flush after the sync cycle failed: {}", e.getMessage());
        }
    }

    /** S3 client errors (GET refused, connection lost, object gone) are transient: the next cycle decides. */
    private static Throwable classify(BucketObject object, Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof IngestException) {
                return c;
            }
            if (c instanceof SdkException) {
                return new IngestException(ErrorKind.STORE_UNAVAILABLE, Stage.EXTRACT, object.sourceId(), null,
                        "S3 GET failed: " + c.getMessage(), c);
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
