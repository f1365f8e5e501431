package io.milvusingest.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.bulk.ObjectStore;
import io.milvusingest.config.BulkConfig;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.s3.MinioServer;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The {@code object-storage} health check against a real MinIO: UP while its bucket answers, DOWN once it stops. */
class ObjectStoreHealthCheckIT {

    @Test
    void should_report_UP_while_the_bucket_answers_and_DOWN_once_minio_is_gone() throws Exception {
        MinioServer minio = MinioServer.start();
        boolean stopped = false;
        try (S3Client s3 = minio.client()) {
            s3.createBucket(b -> b.bucket("milvus-bucket"));
        }
        BulkConfig bulk = IngestConfig.from(ConfigSource.load(null, Map.of(
                "milvus.bulk.endpoint", minio.endpoint(), "milvus.bulk.bucket", "milvus-bucket",
                "milvus.bulk.access-key", minio.accessKey(), "milvus.bulk.secret-key", minio.secretKey())),
                Path.of(".")).bulk();
        try (ObjectStore store = new ObjectStore(bulk)) {
            ObjectStoreHealthCheck check = new ObjectStoreHealthCheck(store);
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);

            minio.close();
            stopped = true;
            HealthCheck.Result down = check.call();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .contains("object storage unreachable").doesNotContain(minio.secretKey()));
        } finally {
            if (!stopped) {
                minio.close();
            }
        }
    }
}
