package io.milvusingest.sync;

import io.milvusingest.config.SyncConfig;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.report.FailureRecord;
import io.milvusingest.model.IngestException;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.milvus.GroupCommit;
import io.milvusingest.milvus.MilvusWriter;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code bucketSync}: the steps of one sync cycle of {@code routes/bucket-sync.camel.yaml} (plan, then per
 * new or changed object prepareGet, download, ingested or failed, cleanup; then finish; cycleFailed when the
 * cycle could not list the bucket). One cycle runs at a time; exchange properties carry the cycle's listing and
 * summary, and each object's state between steps.
 */
public final class BucketSync {
    /** Bean name used by {@code routes/bucket-sync.camel.yaml}. */
    public static final String BEAN = "bucketSync";
    private static final Logger LOG = LoggerFactory.getLogger(BucketSync.class);
    private static final String LISTING = "sync.listing";
    private static final String SUMMARY = "sync.summary";
    private static final String OBJECT = "sync.object";
    private static final String TEMP_FILE = "sync.tempFile";

    private final SyncConfig config;
    private final long maxBytes;
    private final ChangeDetector changes;
    private final CollectionCheck check;
    private final SyncState state;
    private final SyncFailures failures;
    private final DeletionSweep sweep;
    private final SyncOutcomes outcomes;
    private final List<Consumer<SyncSummary>> cycleListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedCycles = new AtomicInteger();

    /**
     * Opens the persisted state of the collection, {@code <sync.state-dir>/<collection>/}: each collection has its
     * own, so syncing the same bucket into two collections ingests it into both.
     *
     * @param maxBytes objects over this size fail as TOO_LARGE before their GET ({@code ingest.max-bytes})
     * @param commit   flushes the cycle's writes before the ingested versions are recorded in the state
     */
    public BucketSync(SyncConfig config, long maxBytes, String collection, MilvusWriter writer, GroupCommit commit,
                      ProgressListener listener) {
        this.config = config;
        this.maxBytes = maxBytes;
        Path dir = config.stateDir().resolve(collection);
        this.state = new SyncState(dir);
        this.changes = new ChangeDetector(Set.copyOf(config.include()), state);
        this.failures = new SyncFailures(dir);
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
     * @return the new and changed objects, in key order
     * @throws IngestException STORE_UNAVAILABLE when the bucket cannot be listed or Milvus not reached (the cycle
     *                         ends without changes)
     */
    public List<BucketObject> plan(Exchange e) {
        SyncSummary summary = new SyncSummary(config.sourceIdPrefix());
        check.verify();
        List<BucketObject> listing = BucketListing.list(S3Clients.of(e.getContext(), config.bucket()),
                config.bucket(), config.prefix());
        e.setProperty(LISTING, listing);
        e.setProperty(SUMMARY, summary);
        return changes.toIngest(listing, summary);
    }

    /** Sets the key to GET. @throws IngestException TOO_LARGE when the listed size exceeds ingest.max-bytes */
    public void prepareGet(Exchange e) {
        BucketObject object = e.getIn().getBody(BucketObject.class);
        e.setProperty(OBJECT, object);
        if (object.sizeBytes() > maxBytes) {
            throw ObjectDownload.tooLarge(object, maxBytes, "object is " + object.sizeBytes() + " bytes");
        }
        e.getIn().setHeader(AWS2S3Constants.KEY, object.key());
    }

    /** Streams the GET response to a temp file. @return the document for the {@code milvus-ingest} step */
    public SourceDocument download(Exchange e) {
        BucketObject object = BucketObject.asRead(e.getProperty(OBJECT, BucketObject.class), e.getIn().getBody());
        e.setProperty(OBJECT, object);
        Path file = ObjectDownload.toTempFile(e.getIn().getBody(InputStream.class), object, maxBytes);
        e.setProperty(TEMP_FILE, file);
        return SourceDocument.ofObject(file, object.bucket(), object.key(), object.sizeBytes(), object.lastModified(),
                object.etag());
    }

    /** Counts the ingested version (new or changed); it is recorded in the state by {@link #finish} once flushed. */
    public void ingested(Exchange e) {
        outcomes.ingested(e.getProperty(OBJECT, BucketObject.class), e.getIn().getBody(DocumentResult.class),
                summary(e));
    }

    /** Records the failure: permanent ones are not retried until the object changes; transient ones are. */
    public void failed(Exchange e) {
        Throwable error = FailureRecord.rootIngestCause(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        outcomes.failed(e.getProperty(OBJECT, BucketObject.class), error, summary(e));
    }

    /** Deletes the object's temp file. */
    public void cleanup(Exchange e) {
        ObjectDownload.deleteQuietly(e.getProperty(TEMP_FILE, Path.class));
    }

    /**
     * Deletes the rows of vanished objects, commits (one flush for the cycle) and only then records the ingested
     * versions, logs the summary.
     *
     * @return the cycle's summary
     */
    @SuppressWarnings("unchecked")
    public SyncSummary finish(Exchange e) {
        SyncSummary summary = summary(e);
        if (config.deletes()) {
            sweep.sweep(config.bucket(), e.getProperty(LISTING, List.class), config.sourceIdPrefix(), summary);
        }
        outcomes.commit(summary);
        LOG.info("{}", summary.describe());
        cycleListeners.forEach(l -> l.accept(summary));
        return summary;
    }

    /** The scheduled cycle failed before finishing (listing refused): nothing was decided; logs one line. */
    public void cycleFailed(Exchange e) {
        Throwable error = FailureRecord.rootIngestCause(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        failedCycles.incrementAndGet();
        LOG.warn("sync {} failed, retried in {} ms: {}", config.sourceIdPrefix(), config.delayMs(), error.getMessage());
    }

    /** @return cycles that failed before finishing since start-up */
    public int failedCycles() {
        return failedCycles.get();
    }

    private static SyncSummary summary(Exchange e) {
        return e.getProperty(SUMMARY, SyncSummary.class);
    }
}
