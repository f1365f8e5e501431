package io.milvusingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.app.KafkaApp;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.KafkaConfig;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.s3.MinioExtension;
import io.milvusingest.s3.MinioServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Kafka worker route ({@code routes/kafka-worker.camel.yaml}) and the planner route in this JVM, against a real
 * broker, MinIO and Milvus Lite, one step per test in order: bucket objects ingested and committed, a corrupt one
 * published to the failed topic as CORRUPT; two versions back to back; a deleted object's rows gone after the
 * next plan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({MilvusLiteExtension.class, MinioExtension.class, KafkaExtension.class})
class KafkaWorkerIT {
    private static final Path CORRUPT_PDF = Path.of("..", "shared", "corpus", "bad", "qpdf-bad1.pdf");
    private static final Path ROUTES = Path.of("routes");
    private static final String BUCKET = "kafka-worker-it";
    private static final String WORK = "work-worker-it";
    private static final String FAILED = "failed-worker-it";
    private static final String GROUP = "workers-worker-it";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private S3Client s3;
    private KafkaTopics topics;
    private AppRuntime runtime;
    private Main worker;
    private Path lockDir;
    private Map<String, String> properties;

    @BeforeAll
    void start(MilvusLiteServer lite, MinioServer minio, KafkaBroker broker) throws Exception {
        assertThat(CORRUPT_PDF).as("the shared corpus beside the clone").exists();
        s3 = minio.client();
        s3.createBucket(b -> b.bucket(BUCKET));
        broker.createTopic(WORK, 3);
        broker.createTopic(FAILED, 1);
        topics = new KafkaTopics(broker);
        lockDir = Files.createTempDirectory("planner-lock");
        Path inbox = Files.createDirectories(lockDir.resolveSibling(lockDir.getFileName() + "-inbox"));
        properties = new HashMap<>(Map.of("milvus.uri", lite.uri(),
                "milvus.collection", MilvusLiteExtension.collectionName("kafka"),
                "sync.bucket", BUCKET, "sync.prefix", "docs/", "sync.s3.uri-endpoint-override", minio.endpoint(),
                "sync.s3.force-path-style", "true", "sync.s3.access-key", minio.accessKey(),
                "sync.s3.secret-key", minio.secretKey(), "health.port", "0", "milvus.stream", "true"));
        properties.putAll(Map.of("kafka.brokers", broker.bootstrap(), "kafka.work-topic", WORK,
                "kafka.failed-topic", FAILED, "kafka.group-id", GROUP, "kafka.planner.lock-dir", lockDir.toString(),
                "sync.delay-ms", "2000", "ingest.retry.initial-delay-ms", "200", "ingest.inbox", inbox.toString(),
                "ingest.poll-delay-ms", "200"));
        ConfigSource src = ConfigSource.of(properties);
        IngestConfig config = IngestConfig.from(src, Path.of("").toAbsolutePath());
        runtime = AppRuntime.start(config);
        worker = KafkaApp.workerMain(runtime, null, kafka(src, config), ROUTES);
        worker.start();
    }

    @AfterAll
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    @Order(1)
    void should_ingest_each_published_object_and_publish_the_corrupt_one_as_failed() throws Exception {
        for (int i = 0; i < 3; i++) {
            put("docs/note-" + i + ".md", "# Note " + i + "\n\nThe harbour pilot logs vessel number " + i + ".\n");
        }
        s3.putObject(b -> b.bucket(BUCKET).key("docs/bad.pdf"), RequestBody.fromFile(CORRUPT_PDF));

        topics.publish(WORK, upsert("docs/note-0.md"), upsert("docs/note-1.md"), upsert("docs/bad.pdf"),
                upsert("docs/note-2.md"));
        topics.awaitNoLag(GROUP, WORK, WAIT);

        for (int i = 0; i < 3; i++) {
            assertThat(rows("s3://" + BUCKET + "/docs/note-" + i + ".md")).as("note " + i).isEqualTo(1);
            assertThat(runtime.writer().count("text like " + Filters.quote("%logs vessel number " + i + "%")))
                    .as("note " + i + "'s text").isEqualTo(1);
        }
        assertThat(rows("s3://" + BUCKET + "/docs/bad.pdf")).isZero();
        List<ConsumerRecord<String, String>> failed = topics.readAll(FAILED, Duration.ofSeconds(3));
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).key()).isEqualTo("s3://" + BUCKET + "/docs/bad.pdf");
        JsonNode f = new ObjectMapper().readTree(failed.get(0).value());
        assertThat(f.get("kind").asText()).isEqualTo("CORRUPT");
        assertThat(f.get("stage").asText()).isEqualTo("extract");
        assertThat(f.get("message").asText()).isNotBlank();
        assertThat(f.get("item").get("op").asText()).isEqualTo("upsert");
    }

    @Test
    @Order(2)
    void should_leave_only_the_newer_version_of_two_published_back_to_back() throws Exception {
        put("docs/tide.md", "# Tide\n\nThe old almanac says the spring tide peaks at dawn.\n\n"
                + "Filler line about buoys, ropes and lanterns on the quay, repeated for length.\n\n".repeat(80));
        WorkItem older = upsert("docs/tide.md");
        put("docs/tide.md", "# Tide\n\nThe revised almanac says the neap tide peaks at noon.\n");
        WorkItem newer = upsert("docs/tide.md");
        assertThat(newer.etag()).isNotEqualTo(older.etag());

        topics.publish(WORK, older, newer);
        topics.awaitNoLag(GROUP, WORK, WAIT);

        assertThat(rows("s3://" + BUCKET + "/docs/tide.md")).isEqualTo(1);
        assertThat(runtime.writer().count("text like " + Filters.quote("%neap tide peaks at noon%"))).isEqualTo(1);
        assertThat(runtime.writer().count("text like " + Filters.quote("%old almanac%"))).isZero();
        assertThat(runtime.writer().count("text like " + Filters.quote("%buoys, ropes%"))).isZero();
    }

    @Test
    @Order(3)
    void should_publish_the_bucket_changes_and_remove_a_deleted_objects_rows_after_the_next_plan() throws Exception {
        s3.deleteObject(b -> b.bucket(BUCKET).key("docs/note-1.md"));
        put("docs/note-3.md", "# Note 3\n\nThe harbour pilot logs vessel number 3.\n");
        ConfigSource src = ConfigSource.of(properties);
        IngestConfig config = IngestConfig.from(src, Path.of("").toAbsolutePath());
        Main planner = KafkaApp.plannerMain(runtime, kafka(src, config), ROUTES);
        planner.start();
        try {
            awaitRows("s3://" + BUCKET + "/docs/note-1.md", 0);
            awaitRows("s3://" + BUCKET + "/docs/note-3.md", 1);
        } finally {
            planner.stop();
        }
        topics.awaitNoLag(GROUP, WORK, WAIT);
        assertThat(rows("s3://" + BUCKET + "/docs/note-0.md")).isEqualTo(1);
        List<String> published = topics.readAll(WORK, Duration.ofSeconds(3)).stream()
                .map(r -> r.key().substring(r.key().lastIndexOf('/') + 1)).sorted().toList();
        assertThat(published).as("the six items of steps 1-2, then the plan's: only what changed, plus the"
                        + " failed object not ingested (once per planner)")
                .containsExactly("bad.pdf", "bad.pdf", "note-0.md", "note-1.md", "note-1.md", "note-2.md",
                        "note-3.md", "tide.md", "tide.md");
    }

    @Test
    @Order(4)
    void should_publish_a_dropped_file_through_the_shared_folder_for_the_workers() throws Exception {
        Path inbox = runtime.config().inbox();
        Path shared = lockDir.resolveSibling(lockDir.getFileName() + "-shared");
        Map<String, String> p = new HashMap<>(properties);
        p.putAll(Map.of("kafka.inbox", "true", "kafka.shared-dir", shared.toString()));
        ConfigSource src = ConfigSource.of(p);
        IngestConfig config = IngestConfig.from(src, Path.of("").toAbsolutePath());
        Main run = KafkaApp.inboxMain(runtime, null, kafka(src, config), ROUTES);
        run.start();
        try {
            Files.writeString(inbox.resolve("ferry.md"), "# Ferry\n\nThe night ferry carries eleven bicycles.\n");
            String source = shared.resolve("ferry.md").toAbsolutePath().normalize().toString();
            awaitRows(source, 1);
            assertThat(runtime.writer().count(Filters.and(Filters.sourceIdEquals(source),
                    "text like " + Filters.quote("%night ferry carries eleven bicycles%")))).as("the file's text")
                    .isEqualTo(1);
            assertThat(inbox.resolve("ferry.md")).as("deleted from the inbox once published").doesNotExist();
            assertThat(shared.resolve("ferry.md")).exists();
            topics.awaitNoLag(GROUP, WORK, WAIT);
            JsonNode item = new ObjectMapper().readTree(topics.readAll(WORK, Duration.ofSeconds(3)).stream()
                    .filter(r -> r.key().equals(source)).findFirst().orElseThrow().value());
            assertThat(item.get("mtime").asText()).endsWith("Z");
            assertThat(item.get("size").asLong()).isEqualTo(Files.size(shared.resolve("ferry.md")));
            assertThat(item.has("etag")).isFalse();
        } finally {
            run.stop();
        }
    }

    private KafkaConfig kafka(ConfigSource src, IngestConfig config) {
        return KafkaConfig.from(src, config.limits().timeout(), 2, Path.of("").toAbsolutePath());
    }

    private WorkItem upsert(String key) {
        var head = s3.headObject(b -> b.bucket(BUCKET).key(key));
        return new WorkItem("s3://" + BUCKET + "/" + key, head.eTag().replace("\"", ""), null, head.contentLength(),
                WorkItem.Op.upsert);
    }

    private void put(String key, String text) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private long rows(String sourceId) {
        return runtime.writer().count(Filters.sourceIdEquals(sourceId));
    }

    private void awaitRows(String sourceId, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (rows(sourceId) != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertThat(rows(sourceId)).as("rows of " + sourceId).isEqualTo(expected);
    }
}
