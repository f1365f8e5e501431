package io.milvusingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.Fields;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.PrimaryKeys;
import io.milvusingest.s3.MinioExtension;
import io.milvusingest.s3.MinioServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
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
 * Scale-out as deployed: 3 {@code bin/ingest worker} processes and 1 {@code bin/ingest planner} against a real
 * Kafka broker, MinIO and a Milvus Lite server (this class's own, so it can be stopped), in order: 60 bucket
 * documents ingested exactly once although one worker is killed with SIGKILL midway (its partitions taken over
 * within the session timeout, the primary-key set equal to a single-process {@code bin/ingest files} run, lag 0);
 * a 30 s Milvus outage during which nothing is committed and after which everything is ingested; SIGTERM during a
 * long document lets the workers finish and commit it, then leave the group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({MinioExtension.class, KafkaExtension.class})
class KafkaScaleOutIT {
    private static final int DOCS = 60;
    private static final String BUCKET = "kafka-scale-it";
    private static final String WORK = "work-scale-it";
    private static final String FAILED = "failed-scale-it";
    private static final String GROUP = "workers-scale-it";
    private static final int PARTITIONS = 6;
    private static final int SESSION_TIMEOUT_MS = 10_000;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;

    private MilvusLiteServer lite;
    private Path liteData;
    private S3Client s3;
    private MinioServer minio;
    private KafkaBroker broker;
    private KafkaTopics topics;
    private final List<Process> workers = new ArrayList<>();
    private Process planner;

    @BeforeAll
    void start(MinioServer minio, KafkaBroker broker) throws Exception {
        MilvusLiteExtension.requireExecutable();
        liteData = tmp.resolve("milvus");
        lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, liteData);
        this.broker = broker;
        topics = new KafkaTopics(broker);
        broker.createTopic(WORK, PARTITIONS);
        broker.createTopic(FAILED, 1);
        this.minio = minio;
        s3 = minio.client();
        s3.createBucket(b -> b.bucket(BUCKET));
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        for (int i = 0; i < DOCS; i++) {
            String text = "# Report " + i + "\n\nThe survey team counted " + (i * 7) + " herons at station " + i
                    + ".\n\n" + (i % 6 == 0 ? ("Field notes on reeds, mudflats, tides and weather, one careful line"
                    + " after another, for station " + i + ".\n\n").repeat(40) : "");
            Files.writeString(docs.resolve("report-" + i + ".md"), text);
            String key = "docs/report-" + i + ".md";
            s3.putObject(b -> b.bucket(BUCKET).key(key),
                    RequestBody.fromString(text, StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (Process p : workers) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (planner != null) {
            planner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (lite != null) {
            lite.close();
        }
    }

    @Test
    @Order(1)
    void should_ingest_every_document_exactly_once_although_a_worker_is_killed_midway() throws Exception {
        ProcessBuilder reference = new ProcessBuilder("bin/ingest", "files", tmp.resolve("docs").toString(),
                "--collection", "reference", "-p", "milvus.uri=" + lite.uri(), "-p", "milvus.stream=true",
                "-p", "ingest.report-dir=" + tmp.resolve("reports")).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("reference.log").toFile());
        Process ref = reference.start();
        assertThat(ref.waitFor(5, TimeUnit.MINUTES)).as("bin/ingest files finished").isTrue();
        assertThat(ref.exitValue()).as(Files.readString(tmp.resolve("reference.log"))).isZero();

        for (int i = 0; i < 3; i++) {
            workers.add(start("worker", "worker-" + i));
        }
        planner = start("planner", "planner");
        MilvusClientV2 client = MilvusConnector.connect(lite.uri());
        try {
            await("a few documents ingested", () -> documents(client) >= 8);
            Process victim = workers.get(0);
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no LeaveGroup
            long killed = System.nanoTime();
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
            await("the killed worker's partitions taken over", () -> takenOver());
            long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
            assertThat(documents(client)).as("killed midway").isLessThan(DOCS);
            assertThat(takeoverMs).as("takeover within the session timeout (plus one rebalance)")
                    .isLessThan(SESSION_TIMEOUT_MS + 10_000L);

            await("every document ingested", () -> documents(client) == DOCS);
            topics.awaitNoLag(GROUP, WORK, Duration.ofMinutes(2));

            TreeSet<Long> expected = expectedKeys(client);
            TreeSet<Long> actual = keys(client, "scaled");
            assertThat(expected).hasSizeGreaterThan(DOCS);
            assertThat(actual).as("no primary key missing or extra").isEqualTo(expected);
            assertThat(count(client, "scaled", null)).as("no row duplicated").isEqualTo(expected.size());
            assertThat(topics.lag(GROUP, WORK)).isZero();
            assertThat(topics.readAll(FAILED, Duration.ofSeconds(2))).isEmpty();
        } finally {
            client.close();
        }
    }

    @Test
    @Order(2)
    void should_commit_nothing_while_milvus_is_down_and_ingest_everything_after() throws Exception {
        topics.awaitNoLag(GROUP, WORK, Duration.ofMinutes(1));
        lite.close();
        long stopped = System.nanoTime();
        String committedBefore = topics.committed(GROUP);
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "docs/outage-" + i + ".md";
            String text = "# Outage " + i + "\n\nWritten while Milvus was down: the lock keeper opened gate " + i + ".\n";
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
            var head = s3.headObject(b -> b.bucket(BUCKET).key(key));
            items.add(new WorkItem("s3://" + BUCKET + "/" + key, head.eTag().replace("\"", ""), null,
                    head.contentLength(), WorkItem.Op.upsert));
        }
        topics.publish(WORK, items.toArray(WorkItem[]::new));
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stopped) / 1_000_000));
        assertThat(topics.committed(GROUP)).as("nothing committed while Milvus is down").isEqualTo(committedBefore);
        assertThat(topics.lag(GROUP, WORK)).isGreaterThanOrEqualTo(3);
        assertThat(workers.subList(1, 3)).allMatch(Process::isAlive);

        lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, liteData, lite.port(), Duration.ofSeconds(60));
        MilvusClientV2 client = MilvusConnector.connect(lite.uri());
        try {
            new CollectionManager(client).loadForSearch("scaled", 384);
            await("the outage's documents ingested", () -> documents(client) == DOCS + 3);
            topics.awaitNoLag(GROUP, WORK, Duration.ofMinutes(2));
            for (WorkItem item : items) {
                assertThat(count(client, "scaled", Filters.sourceIdEquals(item.source()))).as(item.source())
                        .isEqualTo(1);
            }
            assertThat(topics.readAll(FAILED, Duration.ofSeconds(2))).as("no transient failure dropped").isEmpty();
        } finally {
            client.close();
        }
    }

    @Test
    @Order(3)
    void should_finish_and_commit_the_document_in_flight_then_leave_the_group_on_sigterm() throws Exception {
        planner.destroy(); // no more items from the planner: the lag below is this test's item only
        assertThat(planner.waitFor(60, TimeUnit.SECONDS)).as("planner stopped").isTrue();
        topics.awaitNoLag(GROUP, WORK, Duration.ofMinutes(1));
        String key = "docs/long-report.md";
        String text = "# Long report\n\n" + ("The survey team walked the dyke from the sluice to the lighthouse,"
                + " counting herons, egrets, spoonbills and curlews in every reed bed along the way. ").repeat(1200);
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
        var head = s3.headObject(b -> b.bucket(BUCKET).key(key));
        WorkItem item = new WorkItem("s3://" + BUCKET + "/" + key, head.eTag().replace("\"", ""), null,
                head.contentLength(), WorkItem.Op.upsert);
        MilvusClientV2 client = MilvusConnector.connect(lite.uri());
        try {
            topics.publish(WORK, item);
            Thread.sleep(1500); // polled at once by an idle consumer; embedding its ~100 chunks takes seconds
            assertThat(count(client, "scaled", Filters.sourceIdEquals(item.source())))
                    .as("the document is still in flight at SIGTERM").isZero();
            for (Process w : workers.subList(1, 3)) {
                w.destroy(); // SIGTERM
            }
            for (Process w : workers.subList(1, 3)) {
                assertThat(w.waitFor(90, TimeUnit.SECONDS)).as("worker stopped").isTrue();
            }
            assertThat(topics.lag(GROUP, WORK)).as("the item in flight committed before the worker left").isZero();
            long rows = count(client, "scaled", Filters.sourceIdEquals(item.source()));
            assertThat(rows).as("the document in flight finished").isGreaterThan(50);
            assertThat(count(client, "scaled", Filters.and(Filters.sourceIdEquals(item.source()),
                    CHUNK_INDEX + " == " + (rows - 1)))).as("its last chunk").isEqualTo(1);
            assertThat(topics.readAll(FAILED, Duration.ofSeconds(2))).isEmpty();
        } finally {
            client.close();
        }
        try (Admin admin = broker.admin()) {
            assertThat(admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get().members())
                    .as("the stopped workers left the group at once").isEmpty();
        }
    }

    private Process start(String command, String name) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bin/ingest", command, "--collection", "scaled",
                "-p", "milvus.uri=" + lite.uri(), "-p", "health.port=0", "-p", "milvus.stream=true",
                "-p", "ingest.report-dir=" + tmp.resolve("reports"), "-p", "kafka.brokers=" + broker.bootstrap(),
                "-p", "kafka.work-topic=" + WORK, "-p", "kafka.failed-topic=" + FAILED, "-p", "kafka.group-id=" + GROUP,
                "-p", "kafka.consumers=2", "-p", "kafka.session-timeout-ms=" + SESSION_TIMEOUT_MS,
                "-p", "kafka.retry.attempts=2", "-p", "ingest.retry.initial-delay-ms=500",
                "-p", "kafka.planner.lock-dir=" + tmp.resolve("planner-lock"),
                "-p", "sync.bucket=" + BUCKET, "-p", "sync.prefix=docs/", "-p", "sync.delay-ms=2000"));
        cmd.addAll(List.of("-p", "sync.s3.uri-endpoint-override=" + minio.endpoint(),
                "-p", "sync.s3.force-path-style=true"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        // credentials through the environment, as deployments pass secrets
        pb.environment().put("SYNC_S3_ACCESS_KEY", minio.accessKey());
        pb.environment().put("SYNC_S3_SECRET_KEY", minio.secretKey());
        return pb.start();
    }

    /** @return true when the group's live members (the killed process's consumers gone) own every partition */
    private boolean takenOver() throws Exception {
        try (Admin admin = broker.admin()) {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                    .get(5, TimeUnit.SECONDS);
            Set<TopicPartition> owned = g.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                    .collect(Collectors.toSet());
            return g.members().size() == 4 && owned.size() == PARTITIONS
                    && g.members().stream().map(MemberDescription::consumerId).distinct().count() == 4;
        }
    }

    /** @return documents with rows in the scaled collection (first chunks) */
    /** Where rows keep their chunk index (NeMo's content_metadata takes our keys under custom_content). */
    private static final String CHUNK_INDEX =
            Filters.jsonPath(Fields.CONTENT_METADATA, Fields.CUSTOM_CONTENT, Fields.CHUNK_INDEX);

    private static long documents(MilvusClientV2 client) {
        try {
            return count(client, "scaled", CHUNK_INDEX + " == 0");
        } catch (RuntimeException e) {
            return -1; // not created yet, or Milvus restarting
        }
    }

    /** The reference run's rows, keyed as the bucket's sources: s3://bucket/docs/name with the same chunk index. */
    private static TreeSet<Long> expectedKeys(MilvusClientV2 client) {
        new CollectionManager(client).loadForSearch("reference", 384);
        TreeSet<Long> keys = new TreeSet<>();
        client.query(QueryReq.builder().collectionName("reference").filter("pk >= 0")
                        .outputFields(List.of("source", "content_metadata")).limit(16_384)
                        .consistencyLevel(ConsistencyLevel.STRONG).build())
                .getQueryResults().forEach(r -> {
                    JsonObject source = json(r.getEntity().get("source"));
                    JsonObject meta = json(r.getEntity().get("content_metadata"));
                    String name = Path.of(source.get(Fields.SOURCE_NAME).getAsString()).getFileName().toString();
                    keys.add(PrimaryKeys.of("s3://" + BUCKET + "/docs/" + name,
                            meta.getAsJsonObject(Fields.CUSTOM_CONTENT).get(Fields.CHUNK_INDEX).getAsInt()));
                });
        return keys;
    }

    private static JsonObject json(Object field) {
        return field instanceof JsonObject o ? o : JsonParser.parseString(String.valueOf(field)).getAsJsonObject();
    }

    private static TreeSet<Long> keys(MilvusClientV2 client, String collection) {
        TreeSet<Long> keys = new TreeSet<>();
        client.query(QueryReq.builder().collectionName(collection).filter("pk >= 0").outputFields(List.of("pk"))
                        .limit(16_384).consistencyLevel(ConsistencyLevel.STRONG).build())
                .getQueryResults().forEach(r -> keys.add((Long) r.getEntity().get("pk")));
        return keys;
    }

    private static long count(MilvusClientV2 client, String collection, String filter) {
        QueryReq.QueryReqBuilder q = QueryReq.builder().collectionName(collection).outputFields(List.of("count(*)"))
                .consistencyLevel(ConsistencyLevel.STRONG);
        if (filter != null) {
            q.filter(filter);
        }
        return (Long) client.query(q.build()).getQueryResults().get(0).getEntity().get("count(*)");
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!condition.call()) {
            for (Process p : workers.subList(1, workers.size())) {
                if (!p.isAlive()) {
                    throw new AssertionError("a worker exited (" + p.exitValue() + ") before " + what + ": "
                            + Files.readString(tmp.resolve("worker-" + workers.indexOf(p) + ".log")));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
