package io.milvusingest.cli;

import io.milvusingest.app.CamelApp;
import io.milvusingest.runtime.AppRuntime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.extract.Corpus;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.SearchHit;
import io.milvusingest.milvus.SearchMode;
import io.milvusingest.s3.MinioExtension;
import io.milvusingest.s3.MinioServer;
import io.milvusingest.route.BucketSync;
import io.milvusingest.sync.SyncSummary;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 4's acceptance scenario against a real MinIO and a real Milvus Lite, one step per test, in order (each
 * step starts from the bucket and collection the previous one left): the {@code bin/ingest sync} cycle
 * ({@link CamelApp#syncOnce}, the YAML route without its scheduler), then the scheduled route under
 * {@code bin/ingest run}'s camel-main.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({MilvusLiteExtension.class, MinioExtension.class})
class BucketSyncIT {
    private static final Path NV_INGEST = Path.of("..", "shared", "corpus", "nv-ingest");
    private static final Path CORRUPT_PDF = Path.of("..", "shared", "corpus", "bad", "qpdf-bad1.pdf");
    private static final Path ROUTES = Path.of("routes");
    private static final String BUCKET = "sync-it";
    private static final String OLD_NOTE = "The lighthouse keeper counts seventeen albatrosses every morning.";
    private static final String NEW_NOTE = "The orchard grows quince, medlar and rare persimmon trees.";
    private static final long MAX_BYTES = 200_000;
    /** The first version of keeper.md: the note, then enough filler paragraphs for several 384-token chunks. */
    private static final String OLD_NOTES = "# Notes\n\n" + OLD_NOTE + "\n\n" + ("Tide tables, lamp oil, logbook"
            + " entries and weather reports fill the rest of the keeper's day, one careful line after another.\n\n")
            .repeat(60);

    // static: one state folder for the whole ordered scenario, like a deployment's sync.state-dir
    @TempDir
    static Path state;

    private MilvusLiteServer lite;
    private MinioServer minio;
    private S3Client s3;
    private MilvusClientV2 milvus;
    private String collection;
    private AppRuntime runtime;
    /** The health port of the scheduled steps (7 and 8). */
    private int healthPort;

    @BeforeAll
    void startApp(MilvusLiteServer lite, MinioServer minio) {
        Corpus.dir("nv-ingest"); // fails, never skips, without the shared corpus
        this.lite = lite;
        this.minio = minio;
        this.s3 = minio.client();
        s3.createBucket(b -> b.bucket(BUCKET));
        milvus = MilvusConnector.connect(lite.uri());
        collection = MilvusLiteExtension.collectionName("sync");
        runtime = AppRuntime.start(config(Map.of()));
    }

    @AfterAll
    void stopApp() {
        if (runtime != null) {
            runtime.close();
        }
        if (milvus != null) {
            milvus.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void should_make_every_uploaded_document_searchable_after_the_first_sync() throws Exception {
        put("docs/multimodal_test.pdf", NV_INGEST.resolve("multimodal_test.pdf"));
        put("docs/table_test.pdf", NV_INGEST.resolve("table_test.pdf"));
        put("docs/notes/keeper.md", OLD_NOTES);
        put("docs/data.csv", "a,b\n1,2\n"); // not in sync.include
        put("elsewhere/test.pdf", NV_INGEST.resolve("test.pdf")); // outside sync.prefix

        SyncSummary s = sync();

        assertCounts(s, 3, 3, 0, 0, 0, 0);
        List<SearchHit> hits = runtime.searcher().search("Which animal is driving a car at the beach?", 3,
                SearchMode.HYBRID, null);
        assertThat(hits.get(0).sourceId()).isEqualTo("s3://" + BUCKET + "/docs/multimodal_test.pdf");
        assertThat(rows("s3://" + BUCKET + "/docs/table_test.pdf")).isPositive();
        assertThat(runtime.searcher().search("How many albatrosses does the lighthouse keeper count?", 1,
                SearchMode.HYBRID, null).get(0).sourceId()).isEqualTo("s3://" + BUCKET + "/docs/notes/keeper.md");
        assertThat(rows("s3://" + BUCKET + "/docs/notes/keeper.md")).as("a long note: several chunks").isGreaterThan(1);
        assertThat(rows("s3://" + BUCKET + "/elsewhere/test.pdf")).isZero();
        JsonObject source = source("s3://" + BUCKET + "/docs/notes/keeper.md");
        assertThat(source.get("source_name").getAsString()).isEqualTo("s3://" + BUCKET + "/docs/notes/keeper.md");
        assertThat(source.getAsJsonObject("custom_content").get("etag").getAsString())
                .isEqualTo(etag("docs/notes/keeper.md"));
        assertThat(source.getAsJsonObject("custom_content").get("file_size").getAsLong()).isEqualTo(OLD_NOTES.length());
        assertThat(source.get("last_modified").getAsString()).endsWith("Z");
    }

    @Test
    @Order(2)
    void should_reingest_only_the_changed_object_and_no_longer_find_its_old_text() throws Exception {
        put("docs/notes/keeper.md", "# Notes\n\n" + NEW_NOTE + "\n");

        SyncSummary s = sync();

        assertCounts(s, 3, 0, 1, 0, 2, 0);
        assertThat(textRows(OLD_NOTE.substring(4, 40))).isZero();
        assertThat(textRows("Tide tables")).as("no stale chunk of the longer old version").isZero();
        assertThat(rows("s3://" + BUCKET + "/docs/notes/keeper.md")).isEqualTo(1);
        assertThat(textRows(NEW_NOTE.substring(4, 40))).isPositive();
        assertThat(source("s3://" + BUCKET + "/docs/notes/keeper.md").getAsJsonObject("custom_content").get("etag")
                .getAsString())
                .isEqualTo(etag("docs/notes/keeper.md"));
    }

    @Test
    @Order(3)
    void should_delete_the_rows_of_an_object_removed_from_the_bucket() throws Exception {
        assertThat(rows("s3://" + BUCKET + "/docs/table_test.pdf")).isPositive();
        s3.deleteObject(b -> b.bucket(BUCKET).key("docs/table_test.pdf"));

        SyncSummary s = sync();

        assertCounts(s, 2, 0, 0, 1, 2, 0);
        assertThat(rows("s3://" + BUCKET + "/docs/table_test.pdf")).isZero();
        assertThat(rows("s3://" + BUCKET + "/docs/multimodal_test.pdf")).isPositive();
    }

    @Test
    @Order(4)
    void should_reingest_nothing_after_a_restart() throws Exception {
        long before = rows(null);
        runtime.close();
        runtime = AppRuntime.start(config(Map.of()));

        SyncSummary s = sync();

        assertCounts(s, 2, 0, 0, 0, 2, 0);
        assertThat(rows(null)).isEqualTo(before);
    }

    @Test
    @Order(5)
    void should_record_a_corrupt_object_as_failed_with_its_reason_and_not_retry_it() throws Exception {
        put("docs/broken.pdf", CORRUPT_PDF);

        SyncSummary first = sync();
        SyncSummary second = sync();

        assertCounts(first, 3, 0, 0, 0, 2, 1);
        assertCounts(second, 3, 0, 0, 0, 3, 0);
        JsonNode error = errorRecord("docs/broken.pdf");
        assertThat(error.get("kind").asText()).isEqualTo("CORRUPT");
        assertThat(error.get("source").asText()).isEqualTo("s3://" + BUCKET + "/docs/broken.pdf");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(rows("s3://" + BUCKET + "/docs/broken.pdf")).isZero();
        for (Path written : List.of(errorFile("docs/broken.pdf"), state.resolve(collection).resolve("processed.dat"))) {
            assertThat(Files.readString(written)).as(written + " holds no credentials")
                    .doesNotContain(minio.secretKey()).doesNotContain(minio.accessKey());
        }
    }

    @Test
    @Order(6)
    void should_fail_an_object_over_max_bytes_as_too_large_without_ingesting_it() throws Exception {
        Path big = NV_INGEST.resolve("test-page-form.pdf");
        assertThat(Files.size(big)).isGreaterThan(MAX_BYTES);
        put("docs/test-page-form.pdf", big);

        SyncSummary s = sync();

        assertCounts(s, 4, 0, 0, 0, 3, 1);
        assertThat(errorRecord("docs/test-page-form.pdf").get("kind").asText()).isEqualTo("TOO_LARGE");
        assertThat(rows("s3://" + BUCKET + "/docs/test-page-form.pdf")).isZero();
    }

    @Test
    @Order(7)
    void should_sync_on_its_schedule_when_run_by_camel_main() throws Exception {
        s3.deleteObject(b -> b.bucket(BUCKET).key("docs/broken.pdf"));
        put("docs/test.pdf", NV_INGEST.resolve("test.pdf"));
        runtime.close();
        healthPort = freePort();
        // served here (not at health.port=0 as in the other steps) to check sync-bucket as bin/ingest run serves it
        runtime = AppRuntime.start(config(Map.of("sync.delay-ms", "300", "health.port", Integer.toString(healthPort))));
        // the scheduled route as bin/ingest run starts it (RunCommandTest checks that run picks this file)
        Main main = CamelApp.camelMain(runtime, new ProgressPrinter(System.out),
                List.of(ROUTES.resolve(CamelApp.SYNC_ROUTES)), true);
        AtomicInteger cycles = new AtomicInteger();
        CompletableFuture<SyncSummary> first = new CompletableFuture<>();
        CompletableFuture<SyncSummary> second = new CompletableFuture<>();
        main.start();
        try {
            main.getCamelContext().getRegistry().lookupByNameAndType(BucketSync.BEAN, BucketSync.class)
                    .onCycle(s -> (cycles.incrementAndGet() == 1 ? first : second).complete(s));
            // with stream caching, camel-main's default, each GET body would be copied into memory first
            assertThat(main.getCamelContext().getRoute("bucket-sync-cycle").isStreamCaching()).isFalse();
            // listed: multimodal_test.pdf, keeper.md, test-page-form.pdf (failed earlier), test.pdf (new)
            assertCounts(first.get(2, TimeUnit.MINUTES), 4, 1, 0, 1, 3, 0);
            assertCounts(second.get(1, TimeUnit.MINUTES), 4, 0, 0, 0, 4, 0);
            assertThat(syncBucketHealth().get("status").asText()).isEqualTo("UP");
        } finally {
            main.stop();
        }
        assertThat(rows("s3://" + BUCKET + "/docs/test.pdf")).isPositive();
        assertThat(Files.exists(errorFile("docs/broken.pdf")))
                .as("a deleted object's failure record goes with it").isFalse();
    }

    @Test
    @Order(8)
    void should_delete_nothing_while_the_bucket_cannot_be_listed_and_resume_when_it_can() throws Exception {
        long before = rows(null);
        Map<String, byte[]> objects = new HashMap<>();
        for (var o : s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()) {
            objects.put(o.key(), s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asByteArray());
            s3.deleteObject(b -> b.bucket(BUCKET).key(o.key()));
        }
        s3.deleteBucket(b -> b.bucket(BUCKET)); // listing now fails with NoSuchBucket
        Main main = CamelApp.camelMain(runtime, new ProgressPrinter(System.out),
                List.of(ROUTES.resolve(CamelApp.SYNC_ROUTES)), true);
        CompletableFuture<SyncSummary> resumed = new CompletableFuture<>();
        main.start();
        try {
            BucketSync sync = main.getCamelContext().getRegistry().lookupByNameAndType(BucketSync.BEAN, BucketSync.class);
            sync.onCycle(resumed::complete);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (sync.failedCycles() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(sync.failedCycles()).isGreaterThanOrEqualTo(2);
            assertThat(resumed).isNotDone();
            JsonNode noBucket = syncBucketHealth();
            assertThat(noBucket.get("status").asText()).isEqualTo("DOWN");
            // Camel's health JSON writer escapes '/' as "\/" inside the message text itself
            assertThat(noBucket.get("message").asText().replace("\\/", "/")).startsWith("sync bucket s3://"
                    + BUCKET + "/docs/ at " + minio.endpoint() + " unreachable: The specified bucket does not exist")
                    .doesNotContain(minio.secretKey());
            assertThat(rows(null)).isEqualTo(before);

            // paused while the bucket is rebuilt, so that no cycle lists it half-restored
            main.getCamelContext().getRouteController().stopRoute("bucket-sync");
            s3.createBucket(b -> b.bucket(BUCKET));
            objects.forEach((key, bytes) -> s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes)));
            main.getCamelContext().getRouteController().startRoute("bucket-sync");
            assertCounts(resumed.get(1, TimeUnit.MINUTES), 4, 0, 0, 0, 4, 0);
        } finally {
            main.stop();
        }
        assertThat(rows(null)).isEqualTo(before);
    }

    @Test
    @Order(9)
    void should_ingest_everything_again_into_a_recreated_collection() throws Exception {
        runtime.close();
        runtime = AppRuntime.start(config(Map.of("milvus.recreate", "true")));
        runtime.pipeline(); // drops and creates the collection
        assertThat(rows(null)).isZero();

        SyncSummary s = sync();

        // multimodal_test.pdf, keeper.md, test.pdf ingested again; test-page-form.pdf fails again (TOO_LARGE)
        assertCounts(s, 4, 3, 0, 0, 0, 1);
        assertThat(rows("s3://" + BUCKET + "/docs/notes/keeper.md")).isEqualTo(1);
        assertThat(errorRecord("docs/test-page-form.pdf").get("kind").asText()).isEqualTo("TOO_LARGE");
    }

    private SyncSummary sync() throws Exception {
        return CamelApp.syncOnce(runtime, new ProgressPrinter(System.out), ROUTES);
    }

    private IngestConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("milvus.uri", lite.uri(), "milvus.collection", collection,
                "sync.enabled", "true", "sync.bucket", BUCKET, "sync.prefix", "docs/",
                "sync.state-dir", state.toString(), "sync.s3.uri-endpoint-override", minio.endpoint(),
                "sync.s3.force-path-style", "true", "sync.s3.access-key", minio.accessKey(),
                "sync.s3.secret-key", minio.secretKey()));
        p.put("milvus.stream", "true"); // Milvus Lite has no bulk import
        p.put("milvus.commit.min-interval-ms", "0"); // Milvus Lite (behind http) has no flush quota
        p.put("ingest.max-bytes", Long.toString(MAX_BYTES));
        p.put("health.port", "0"); // the scheduled runs would otherwise serve /observe/health on 8080
        p.putAll(extra);
        return IngestConfig.from(ConfigSource.load(null, p), Path.of("").toAbsolutePath());
    }

    private static void assertCounts(SyncSummary s, int listed, int added, int changed, int deleted, int skipped,
                                     int failed) {
        assertThat(List.of(s.listedCount(), s.newCount(), s.changedCount(), s.deletedCount(), s.skippedCount(),
                s.failedCount())).as(s.describe()).containsExactly(listed, added, changed, deleted, skipped, failed);
    }

    private void put(String key, Path file) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
    }

    private void put(String key, String text) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private String etag(String key) {
        return s3.headObject(b -> b.bucket(BUCKET).key(key)).eTag().replace("\"", "");
    }

    /** @return rows of the source id, or of the whole collection for null */
    private long rows(String sourceId) {
        return runtime.writer().count(sourceId == null ? null : Filters.sourceIdEquals(sourceId));
    }

    private long textRows(String fragment) {
        return runtime.writer().count("text like " + Filters.quote("%" + fragment + "%"));
    }

    private JsonObject source(String sourceId) {
        var rows = milvus.query(QueryReq.builder().collectionName(collection).filter(Filters.sourceIdEquals(sourceId))
                .outputFields(List.of("source")).limit(1).consistencyLevel(ConsistencyLevel.STRONG).build())
                .getQueryResults();
        assertThat(rows).as("rows of " + sourceId).isNotEmpty();
        Object source = rows.get(0).getEntity().get("source");
        return source instanceof JsonObject o ? o : JsonParser.parseString(source.toString()).getAsJsonObject();
    }

    private Path errorFile(String key) {
        return state.resolve(collection).resolve("failed").resolve(BUCKET).resolve(URLEncoder.encode(key, StandardCharsets.UTF_8)
                + ".error.json");
    }

    private JsonNode errorRecord(String key) throws Exception {
        Path file = errorFile(key);
        assertThat(file).exists();
        return new ObjectMapper().readTree(file.toFile());
    }

    /** @return the {@code sync-bucket} entry of {@code /observe/health}, as bin/ingest run serves it */
    private JsonNode syncBucketHealth() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + healthPort + "/observe/health")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : new ObjectMapper().readTree(response.body()).path("checks")) {
            if (check.path("name").asText().equals("sync-bucket")) {
                return check;
            }
        }
        throw new AssertionError("no sync-bucket check in " + response.body());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
