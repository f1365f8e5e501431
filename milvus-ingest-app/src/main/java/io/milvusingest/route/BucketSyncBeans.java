package io.milvusingest.route;

import io.milvusingest.config.SyncConfig;
import io.milvusingest.milvus.GroupCommit;
import io.milvusingest.milvus.MilvusStore;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.sync.SyncCycle;
import io.milvusingest.sync.SyncS3Client;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The beans {@code routes/bucket-sync.camel.yaml} needs: one S3 client built from {@code sync.s3.*}
 * ({@value #S3_CLIENT}, the {@code amazonS3Client} of the route's aws2-s3 endpoint), the {@link BucketSync} steps
 * over a {@link SyncCycle} listing with that client, and the {@code sync-bucket} health check probing with it. The
 * client is closed when the CamelContext stops.
 */
public final class BucketSyncBeans {
    /** Bean name of the sync's S3 client, referenced by the route's getObject step as {@code #syncS3Client}. */
    public static final String S3_CLIENT = "syncS3Client";

    private BucketSyncBeans() {
    }

    /**
     * @param maxBytes objects over this size fail as TOO_LARGE before their GET ({@code ingest.max-bytes})
     * @param commit   flushes each cycle's writes before the ingested versions are recorded
     */
    public static void bind(Main main, SyncConfig sync, long maxBytes, String collection, MilvusStore writer,
                            GroupCommit commit, ProgressListener listener) {
        S3Client s3 = SyncS3Client.create(sync);
        main.bind(S3_CLIENT, s3);
        main.bind(BucketSync.BEAN, new BucketSync(new SyncCycle(sync, maxBytes, collection, writer, commit,
                listener, s3)));
        main.bind("syncBucketHealthCheck", new SyncBucketHealthCheck(sync, s3));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                try {
                    configured.getCamelContext().addService(new ServiceSupport() {
                        @Override
                        protected void doStop() {
                            s3.close();
                        }
                    });
                } catch (Exception e) {
                    throw RuntimeCamelException.wrapRuntimeCamelException(e);
                }
            }
        });
    }
}
