package io.milvusingest.cli;

import io.milvusingest.app.CamelApp;

import io.milvusingest.runtime.AppRuntime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.s3.MinioExtension;
import io.milvusingest.s3.MinioServer;
import io.milvusingest.sync.SyncSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A transient failure is not a verdict: while Milvus is down a changed object fails as STORE_UNAVAILABLE without a
 * failure record, and the next sync after Milvus returns re-ingests it. Uses its own Milvus Lite server (it is
 * stopped mid-test) and the shared MinIO.
 *
 * <p>Slow: with Milvus gone, each call waits for the client's 5-minute RPC deadline (MilvusConnector's default, not
 * configurable yet), so this runs only with {@code -Dit.slow=true} (about 5.5 minutes).
 */
@ExtendWith(MinioExtension.class)
class BucketSyncOutageIT {
    private static final String BUCKET = "sync-outage-it";
    private static final Path ROUTES = Path.of("routes");

    @TempDir
    Path tmp;

    @Test
    void should_retry_a_changed_object_whose_upload_failed_while_milvus_was_down(MinioServer minio) throws Exception {
        assumeTrue(Boolean.getBoolean("it.slow"), "slow outage test: run with -Dit.slow=true");
        MilvusLiteExtension.requireExecutable();
        Path milvusData = Files.createDirectories(tmp.resolve("milvus"));
        try (S3Client s3 = minio.client()) {
            s3.createBucket(b -> b.bucket(BUCKET));
            put(s3, "The first version mentions a copper kettle.");
            MilvusLiteServer lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, milvusData);
            try (AppRuntime runtime = AppRuntime.start(config(minio, lite))) {
                assertThat(counts(sync(runtime))).containsExactly(1, 1, 0, 0, 0, 0);
                lite.close();
                put(s3, "The second version mentions a silver teapot.");

                SyncSummary outage = sync(runtime);

                assertThat(counts(outage)).as(outage.describe()).containsExactly(1, 0, 0, 0, 0, 1);
                assertThat(tmp.resolve("state").resolve("it_sync_outage").resolve("failed")).as("no failure record for a transient failure")
                        .doesNotExist();
            }
            lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, milvusData);
            try (AppRuntime runtime = AppRuntime.start(config(minio, lite))) {
                SyncSummary recovered = sync(runtime);

                assertThat(counts(recovered)).as(recovered.describe()).containsExactly(1, 0, 1, 0, 0, 0);
                assertThat(runtime.writer().count("text like \"%silver teapot%\"")).isEqualTo(1);
                assertThat(runtime.writer().count(Filters.sourceIdEquals("s3://" + BUCKET + "/note.md"))).isEqualTo(1);
            } finally {
                lite.close();
            }
        }
    }

    private static SyncSummary sync(AppRuntime runtime) throws Exception {
        return CamelApp.syncOnce(runtime, new ProgressPrinter(System.out), ROUTES);
    }

    private static List<Integer> counts(SyncSummary s) {
        return List.of(s.listedCount(), s.newCount(), s.changedCount(), s.deletedCount(), s.skippedCount(),
                s.failedCount());
    }

    private static void put(S3Client s3, String text) {
        s3.putObject(b -> b.bucket(BUCKET).key("note.md"), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private IngestConfig config(MinioServer minio, MilvusLiteServer lite) {
        Map<String, String> p = new HashMap<>(Map.of("milvus.uri", lite.uri(),
                "milvus.collection", "it_sync_outage", "sync.enabled", "true", "sync.bucket", BUCKET,
                "sync.state-dir", tmp.resolve("state").toString(),
                "sync.s3.uri-endpoint-override", minio.endpoint(), "sync.s3.force-path-style", "true",
                "sync.s3.access-key", minio.accessKey(), "sync.s3.secret-key", minio.secretKey(), "health.port", "0"));
        p.put("milvus.stream", "true"); // Milvus Lite has no bulk import
        p.put("milvus.commit.min-interval-ms", "0"); // Milvus Lite (behind http) has no flush quota
        return IngestConfig.from(ConfigSource.load(null, p), Path.of("").toAbsolutePath());
    }
}
