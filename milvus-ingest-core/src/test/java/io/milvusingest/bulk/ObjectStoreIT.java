package io.milvusingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.config.BulkConfig;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.s3.MinioExtension;
import io.milvusingest.s3.MinioServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 side of bulk import against a real MinIO: the start-up bucket check and staging/deleting files. */
@ExtendWith(MinioExtension.class)
class ObjectStoreIT {

    static BulkConfig config(MinioServer minio, String bucket, String secret) {
        return IngestConfig.from(ConfigSource.load(null, Map.of("milvus.bulk.endpoint", minio.endpoint(),
                "milvus.bulk.bucket", bucket, "milvus.bulk.access-key", minio.accessKey(),
                "milvus.bulk.secret-key", secret)), Path.of(".")).bulk();
    }

    static void createBucket(MinioServer minio, String bucket) {
        try (S3Client s3 = S3Client.builder().endpointOverride(java.net.URI.create(minio.endpoint()))
                .region(Region.US_EAST_1).forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(minio.accessKey(), minio.secretKey()))).build()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Test
    void should_say_which_key_to_set_when_milvus_bucket_does_not_exist(MinioServer minio) {
        try (ObjectStore store = new ObjectStore(config(minio, "no-such-bucket", minio.secretKey()))) {
            assertThatThrownBy(store::requireBucket).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bucket 'no-such-bucket' at " + minio.endpoint() + " does not exist")
                    .hasMessageContaining("milvus.bulk.bucket");
        }
    }

    @Test
    void should_say_access_denied_when_the_secret_key_is_wrong(MinioServer minio) {
        createBucket(minio, "denied-bucket");
        try (ObjectStore store = new ObjectStore(config(minio, "denied-bucket", "wrong-secret"))) {
            assertThatThrownBy(store::requireBucket).hasMessageContaining("milvus.bulk.secret-key");
        }
    }

    @Test
    void should_upload_staged_files_and_delete_them(MinioServer minio, @TempDir Path dir) throws Exception {
        createBucket(minio, "staging-bucket");
        try (ObjectStore store = new ObjectStore(config(minio, "staging-bucket", minio.secretKey()))) {
            store.requireBucket();
            Path file = Files.writeString(dir.resolve("part-0.json"), "{\"rows\": []}");
            store.put(file, "files/bulk-import/job/part-0.json");
            assertThat(store.exists("files/bulk-import/job/part-0.json")).isTrue();
            store.delete(List.of("files/bulk-import/job/part-0.json"));
            assertThat(store.exists("files/bulk-import/job/part-0.json")).isFalse();
        }
    }
}
