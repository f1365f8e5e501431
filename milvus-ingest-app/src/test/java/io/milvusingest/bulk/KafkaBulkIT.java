package io.milvusingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.client.MilvusServiceClient;
import io.milvus.param.ConnectParam;
import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.app.KafkaPlaceholders;
import io.milvusingest.camel.MilvusIngestConstants;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.config.BulkConfig;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.KafkaConfig;
import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.extract.Extractors;
import io.milvusingest.kafka.KafkaBroker;
import io.milvusingest.kafka.KafkaCoordinator;
import io.milvusingest.kafka.KafkaExtension;
import io.milvusingest.kafka.KafkaTopics;
import io.milvusingest.kafka.KafkaWorker;
import io.milvusingest.kafka.WorkItem;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusWriter;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.pipeline.IngestPipeline;
import io.milvusingest.upload.StagingWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ProcessorEndpoint;
import org.apache.camel.support.ResourceHelper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka mode with {@code kafka.bulk=true} on a real broker and a real Milvus 2.3.5 + MinIO: the worker route
 * ({@code routes/kafka-worker.camel.yaml}) stages documents as import files and publishes manifests, the
 * coordinator route ({@code routes/kafka-coordinator.camel.yaml}) imports them and commits. Milvus 2.3 has no BM25,
 * so (as in {@link BulkDropFolderIT}) the collection is dense-only and the {@code milvus-ingest} step is this test's
 * pipeline on that collection; the routes, beans, topics and import jobs are the real ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({BulkStackExtension.class, KafkaExtension.class})
class KafkaBulkIT {
    private static final String WORK = "work-bulk-it";
    private static final String STAGED = "staged-bulk-it";
    private static final String FAILED = "failed-bulk-it";
    private static final String GROUP = "workers-bulk-it";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> closers = new ArrayList<>();
    private KafkaTopics topics;
    private KafkaConfig kafka;
    private BulkConfig bulk;
    private MilvusClientV2 client;
    private String collection;
    private MilvusWriter milvus;
    private BulkImporter importer;
    private ObjectStore store;
    private CamelContext worker;
    private Path shared;

    @BeforeAll
    void start(BulkStack stack, KafkaBroker broker) throws Exception {
        shared = Files.createTempDirectory("kafka-bulk-shared");
        Path lockDir = Files.createTempDirectory("kafka-bulk-lock");
        bulk = stack.config(0, "parquet", Files.createTempDirectory("kafka-bulk-staging"));
        collection = "kafka_bulk_" + BulkImportIT.NAMES.incrementAndGet();
        client = MilvusConnector.connect(stack.milvusUri());
        closers.add(client::close);
        DenseCollections.create(client, collection, BulkImportIT.DIM);
        MilvusServiceClient v1 = new MilvusServiceClient(ConnectParam.newBuilder().withUri(stack.milvusUri()).build());
        closers.add(v1::close);
        store = new ObjectStore(bulk);
        closers.add(store);
        importer = new BulkImporter(client, new ImportJobs(v1), store, bulk, collection);
        milvus = new MilvusWriter(client, collection);
        broker.createTopic(WORK, 2);
        broker.createTopic(STAGED, 1); // one partition: manifests published before the coordinator starts make one batch
        broker.createTopic(FAILED, 1);
        topics = new KafkaTopics(broker);
        kafka = KafkaConfig.from(ConfigSource.of(Map.of("kafka.brokers", broker.bootstrap(), "kafka.work-topic", WORK,
                "kafka.failed-topic", FAILED, "kafka.group-id", GROUP, "kafka.bulk", "true",
                "kafka.staged-topic", STAGED, "kafka.bulk.window-ms", "1500",
                "kafka.planner.lock-dir", lockDir.toString())), Duration.ofSeconds(60), 1, Path.of("").toAbsolutePath());

        StagingWriter staging = new StagingWriter(importer);
        IngestPipeline pipeline = IngestPipeline.builder().extractor(new Extractors())
                .chunker(new TokenChunker(ModelTokenizer.bgeSmallEnV15(), 384, 64, BgeSmallEmbedder.MAX_TOKENS,
                        BgeSmallEmbedder.MODEL_NAME)).embedder(BulkImportIT.EMBEDDER).writer(staging).build();
        worker = camel("kafka-worker.camel.yaml", c -> {
            c.getRegistry().bind(KafkaWorker.BEAN, new KafkaWorker(null, 1 << 20, staging));
            c.addComponent("milvus-ingest", new DefaultComponent() { // this test's pipeline, see the class comment
                @Override
                protected org.apache.camel.Endpoint createEndpoint(String uri, String remaining,
                                                                   Map<String, Object> parameters) {
                    return new ProcessorEndpoint(uri, this, e -> {
                        DocumentResult r = pipeline.ingest(SourceDocument.ofFile(e.getIn().getBody(Path.class)));
                        e.getIn().setHeader(MilvusIngestConstants.SOURCE_ID, r.source().sourceId());
                        e.getIn().setBody(r);
                    });
                }
            });
        });
        worker.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (worker != null) {
            worker.stop();
        }
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).close();
        }
    }

    @Test
    @Order(1)
    void should_import_the_documents_staged_by_the_worker_in_one_job_and_commit_the_manifests() throws Exception {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(file("gull-" + i + ".md", "# Gull " + i + "\n\nThe harbour gull number " + i + " steals chips.\n"));
        }
        topics.publish(WORK, items.toArray(WorkItem[]::new));
        topics.awaitNoLag(GROUP, WORK, WAIT);

        List<ConsumerRecord<String, String>> manifests = topics.readAll(STAGED, Duration.ofSeconds(3));
        assertThat(manifests).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(items.stream().map(WorkItem::source).toList());
        List<String> files = new ArrayList<>();
        for (ConsumerRecord<String, String> m : manifests) {
            JsonNode v = JSON.readTree(m.value());
            assertThat(v.get("rows").asLong()).isEqualTo(1);
            assertThat(v.get("files")).hasSize(1);
            v.get("files").forEach(f -> files.add(f.asText()));
        }
        assertThat(files).allSatisfy(f -> assertThat(store.exists(f)).as(f).isTrue());
        assertThat(milvus.count(null)).as("workers write nothing to the collection").isZero();

        runCoordinator();

        for (int i = 0; i < 3; i++) {
            assertThat(milvus.count(Filters.sourceIdEquals(items.get(i).source()))).as("rows of gull " + i).isEqualTo(1);
            String text = "# Gull " + i + "\n\nThe harbour gull number " + i + " steals chips.";
            assertThat(DenseCollections.nearestTexts(client, collection, BulkImportIT.EMBEDDER.embed(text), 1))
                    .as("searchable").hasSize(1);
        }
        assertThat(milvus.count(null)).isEqualTo(3);
        assertThat(files).as("staged files deleted after the commit").allSatisfy(f -> assertThat(store.exists(f)).isFalse());
        assertThat(topics.readAll(FAILED, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    @Order(2)
    void should_publish_every_document_of_a_failed_job_as_failed_and_commit() throws Exception {
        WorkItem good = file("tern.md", "# Tern\n\nThe arctic tern flies from pole to pole every year.\n");
        topics.publish(WORK, good);
        topics.awaitNoLag(GROUP, WORK, WAIT);
        // a second document in the same job whose file is not Parquet: Milvus fails the whole job
        Path junk = Files.writeString(Files.createTempFile("junk", ".parquet"), "not a parquet file");
        String junkKey = bulk.prefix() + "/junk-it/part-0.parquet";
        store.put(junk, junkKey);
        String junkSource = shared.resolve("junk.md").toString();
        topics.publishRaw(STAGED, List.of(Map.entry(junkSource, JSON.writeValueAsString(Map.of("source", junkSource,
                "op", "upsert", "files", List.of(junkKey), "rows", 1, "item", Map.of("source", junkSource))))));

        runCoordinator();

        List<ConsumerRecord<String, String>> failed = topics.readAll(FAILED, Duration.ofSeconds(3));
        assertThat(failed).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(good.source(), junkSource);
        for (ConsumerRecord<String, String> f : failed) {
            JsonNode v = JSON.readTree(f.value());
            assertThat(v.get("kind").asText()).isEqualTo("IMPORT_FAILED");
            assertThat(v.get("message").asText()).isNotBlank();
            assertThat(v.get("item").get("source").asText()).isEqualTo(f.key());
        }
        assertThat(milvus.count(Filters.sourceIdEquals(good.source()))).isZero();
        assertThat(milvus.count(null)).as("the first test's rows").isEqualTo(3);
    }

    /** Runs the coordinator route until it committed every manifest. */
    private void runCoordinator() throws Exception {
        CamelContext coordinator = camel("kafka-coordinator.camel.yaml", c -> {
            c.getRegistry().bind(KafkaCoordinator.BEAN, new KafkaCoordinator(importer, milvus));
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId("kafka-planner");
            cluster.setRoot(kafka.plannerLockDir().toString());
            cluster.setAcquireLockDelay(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            try { // autowiring is off here, so the master: component finds it as a context service
                c.addService(cluster);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        coordinator.start();
        try {
            topics.awaitNoLag(kafka.groupId() + "-coordinator", STAGED, WAIT);
        } finally {
            coordinator.stop();
        }
    }

    private CamelContext camel(String routes, Consumer<CamelContext> beans) throws Exception {
        CamelContext c = new DefaultCamelContext();
        c.setAutowiredEnabled(false);
        Properties p = KafkaPlaceholders.of(kafka);
        p.putAll(Map.of("kafka.retry.max-redeliveries", "1", "ingest.retry.initial-delay-ms", "200",
                "ingest.retry.max-delay-ms", "1000", "milvus.collection", collection, "sync.bucket", "unused",
                "kafka.coordinator.max-poll-interval-ms", "300000"));
        c.getPropertiesComponent().setOverrideProperties(p);
        KafkaComponent k = new KafkaComponent();
        k.getConfiguration().setBrokers(kafka.brokers());
        c.addComponent("kafka", k);
        beans.accept(c);
        PluginHelper.getRoutesLoader(c).loadRoutes(ResourceHelper.resolveMandatoryResource(c, "file:routes/" + routes));
        return c;
    }

    private WorkItem file(String name, String text) throws Exception {
        Path f = Files.writeString(shared.resolve(name), text);
        return new WorkItem(f.toString(), null, Files.getLastModifiedTime(f).toInstant().toString(), Files.size(f),
                WorkItem.Op.upsert);
    }
}
