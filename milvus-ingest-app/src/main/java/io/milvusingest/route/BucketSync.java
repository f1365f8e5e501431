package io.milvusingest.route;

import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.sync.BucketObject;
import io.milvusingest.sync.DownloadedObject;
import io.milvusingest.sync.SyncCycle;
import io.milvusingest.sync.SyncPlan;
import io.milvusingest.sync.SyncSummary;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;

/**
 * Bean {@code bucketSync}: the steps of {@code routes/bucket-sync.camel.yaml}, each adapting the exchange to one
 * call of the Camel-free {@link SyncCycle} (plan; per new or changed object prepareGet, download, ingested or
 * failed, cleanup; finish; cycleFailed when the cycle could not list the bucket). Exchange properties carry the
 * cycle's {@link SyncPlan} and each object between steps.
 */
public final class BucketSync {
    /** Bean name used by {@code routes/bucket-sync.camel.yaml}. */
    public static final String BEAN = "bucketSync";
    private static final String PLAN = "sync.plan";
    private static final String OBJECT = "sync.object";
    private static final String DOWNLOAD = "sync.download";

    private final SyncCycle cycle;

    public BucketSync(SyncCycle cycle) {
        this.cycle = cycle;
    }

    /** @param listener told each cycle's summary when the cycle ends */
    public void onCycle(Consumer<SyncSummary> listener) {
        cycle.onCycle(listener);
    }

    /** @return the new and changed objects, in key order: the body the route splits */
    public List<BucketObject> plan(Exchange e) {
        SyncPlan plan = cycle.plan();
        e.setProperty(PLAN, plan);
        return plan.toIngest();
    }

    /** Checks the size and sets the key the aws2-s3 getObject step reads. */
    public void prepareGet(Exchange e) {
        BucketObject object = e.getIn().getBody(BucketObject.class);
        e.setProperty(OBJECT, object);
        cycle.checkSize(object);
        e.getIn().setHeader(AWS2S3Constants.KEY, object.key());
    }

    /** @return the document for the pipeline, from the GET response streamed to a temp file */
    public SourceDocument download(Exchange e) {
        DownloadedObject downloaded = cycle.download(e.getProperty(OBJECT, BucketObject.class),
                e.getIn().getBody(InputStream.class));
        e.setProperty(OBJECT, downloaded.object());
        e.setProperty(DOWNLOAD, downloaded);
        return downloaded.document();
    }

    public void ingested(Exchange e) {
        cycle.ingested(requirePlan(e.getProperty(PLAN, SyncPlan.class)), e.getProperty(OBJECT, BucketObject.class),
                e.getIn().getBody(DocumentResult.class));
    }

    public void failed(Exchange e) {
        cycle.failed(requirePlan(e.getProperty(PLAN, SyncPlan.class)), e.getProperty(OBJECT, BucketObject.class),
                e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** Deletes the object's temp file, if the download got that far. */
    public void cleanup(Exchange e) {
        DownloadedObject downloaded = e.getProperty(DOWNLOAD, DownloadedObject.class);
        if (downloaded != null) {
            downloaded.delete();
        }
    }

    /** @return the cycle's summary */
    public SyncSummary finish(Exchange e) {
        return cycle.finish(requirePlan(e.getProperty(PLAN, SyncPlan.class)));
    }

    public void cycleFailed(Exchange e) {
        cycle.cycleFailed(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** @return cycles that failed before finishing since start-up */
    public int failedCycles() {
        return cycle.failedCycles();
    }

    private static SyncPlan requirePlan(SyncPlan plan) {
        if (plan == null) {
            throw new IllegalStateException("no sync plan on the exchange: the route must call plan first");
        }
        return plan;
    }
}
