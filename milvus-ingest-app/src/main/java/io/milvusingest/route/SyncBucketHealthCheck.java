package io.milvusingest.route;

import io.milvusingest.config.SyncConfig;
import io.milvusingest.sync.S3Clients;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Camel health check {@code sync-bucket}, readiness only: UP when the bucket sync's bucket answers a one-key
 * listing under {@code sync.prefix} (the request each sync cycle starts with) within
 * {@link ProbeHealthCheck#TIMEOUT_MS}, DOWN otherwise with {@code "sync bucket s3://<bucket>/<prefix> at
 * <endpoint> unreachable: <reason>"} (never the keys). It uses the S3 client of the route's aws2-s3 endpoint
 * ({@link S3Clients}), so it sees the endpoint, region and credentials the sync uses. Registered only when
 * {@code sync.enabled=true}.
 */
public final class SyncBucketHealthCheck extends ProbeHealthCheck {
    private final String bucket;
    private final String prefix;
    private final Supplier<CamelContext> camel;

    /**
     * @param camel the context running the sync route, asked at each probe: camel-main creates it after the beans
     *              are bound, and does not hand it to health checks bound as beans (their
     *              {@code getCamelContext()} stays null)
     */
    public SyncBucketHealthCheck(SyncConfig sync, Supplier<CamelContext> camel) {
        super("sync-bucket", "sync bucket " + sync.sourceIdPrefix() + " at " + sync.endpointDescription());
        this.bucket = sync.bucket();
        this.prefix = sync.prefix();
        this.camel = camel;
    }

    /** Not a liveness check: restarting the application cannot bring a stopped bucket back. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void probe() {
        CamelContext context = camel.get();
        if (context == null) {
            throw new IllegalStateException("Camel is not started yet");
        }
        S3Client s3 = S3Clients.of(context, bucket);
        s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix).maxKeys(1));
    }
}
