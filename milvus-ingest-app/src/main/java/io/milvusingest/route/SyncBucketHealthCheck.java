package io.milvusingest.route;

import io.milvusingest.config.SyncConfig;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Camel health check {@code sync-bucket}, readiness only: UP when the bucket sync's bucket answers a one-key
 * listing under {@code sync.prefix} (the request each sync cycle starts with) within
 * {@link ProbeHealthCheck#TIMEOUT_MS}, DOWN otherwise with {@code "sync bucket s3://<bucket>/<prefix> at
 * <endpoint> unreachable: <reason>"} (never the keys). It probes with the sync's own S3 client (the one the
 * listing and the route's aws2-s3 endpoint use), so it sees the endpoint, region and credentials the sync uses.
 * Registered only when {@code sync.enabled=true}.
 */
public final class SyncBucketHealthCheck extends ProbeHealthCheck {
    private final String bucket;
    private final String prefix;
    private final S3Client s3;

    /** @param s3 the sync's client ({@link io.milvusingest.sync.SyncS3Client}); not closed here */
    public SyncBucketHealthCheck(SyncConfig sync, S3Client s3) {
        super("sync-bucket", "sync bucket " + sync.sourceIdPrefix() + " at " + sync.endpointDescription());
        this.bucket = sync.bucket();
        this.prefix = sync.prefix();
        this.s3 = s3;
    }

    /** Not a liveness check: restarting the application cannot bring a stopped bucket back. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void probe() {
        s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix).maxKeys(1));
    }
}
