package io.milvusingest.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.SyncConfig;
import io.milvusingest.s3.MinioServer;
import io.milvusingest.sync.SyncS3Client;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code sync-bucket} health check against a real MinIO, through the sync's own S3 client
 * ({@link SyncS3Client}, built from {@code sync.s3.*} as {@code bin/ingest run} builds it).
 */
class SyncBucketHealthCheckIT {
    private static final String BUCKET = "sync-health";

    @Test
    void should_report_DOWN_without_the_bucket_UP_once_it_answers_and_DOWN_once_minio_is_gone() throws Exception {
        MinioServer minio = MinioServer.start();
        boolean stopped = false;
        SyncConfig sync = IngestConfig.from(ConfigSource.load(null, Map.of(
                "sync.enabled", "true", "sync.bucket", BUCKET, "sync.prefix", "manuals/",
                "sync.s3.uri-endpoint-override", minio.endpoint(), "sync.s3.force-path-style", "true",
                "sync.s3.access-key", minio.accessKey(), "sync.s3.secret-key", minio.secretKey())),
                Path.of(".")).sync();
        try (S3Client client = SyncS3Client.create(sync)) {
            SyncBucketHealthCheck check = new SyncBucketHealthCheck(sync, client);
            assertThat(check.isReadiness()).isTrue();
            assertThat(check.isLiveness()).isFalse();

            HealthCheck.Result noBucket = check.call();
            assertThat(noBucket.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(noBucket.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("sync bucket s3://sync-health/manuals/ at " + minio.endpoint() + " unreachable: "));

            try (S3Client s3 = minio.client()) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);

            minio.close();
            stopped = true;
            HealthCheck.Result down = check.call();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("sync bucket s3://sync-health/manuals/ at " + minio.endpoint() + " unreachable: ")
                    .doesNotContain(minio.secretKey()).doesNotContain(minio.accessKey()));
        } finally {
            if (!stopped) {
                minio.close();
            }
        }
    }

    @Test
    void should_report_DOWN_with_the_wrong_credentials() throws Exception {
        try (MinioServer minio = MinioServer.start()) {
            try (S3Client s3 = minio.client()) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            SyncConfig sync = IngestConfig.from(ConfigSource.load(null, Map.of(
                    "sync.enabled", "true", "sync.bucket", BUCKET,
                    "sync.s3.uri-endpoint-override", minio.endpoint(), "sync.s3.force-path-style", "true",
                    "sync.s3.access-key", minio.accessKey(), "sync.s3.secret-key", "not-the-secret")),
                    Path.of(".")).sync();
            try (S3Client client = SyncS3Client.create(sync)) {
                HealthCheck.Result result = new SyncBucketHealthCheck(sync, client).call();

                assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                        .startsWith("sync bucket s3://sync-health/ at " + minio.endpoint() + " unreachable: ")
                        .doesNotContain("not-the-secret"));
            }
        }
    }
}
