package io.milvusingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.client.MilvusServiceClient;
import io.milvus.param.ConnectParam;
import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.config.BulkConfig;
import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.extract.Extractors;
import io.milvusingest.pipeline.IngestPipeline;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.GroupCommit;
import io.milvusingest.milvus.MilvusWriter;
import io.milvusingest.camel.MilvusIngestConstants;
import io.milvusingest.camel.dropfolder.DropFolderBeans;
import io.milvusingest.config.FollowSymlinks;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.upload.StreamOrBulkWriter;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ProcessorEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-folder route ({@code routes/drop-folder.camel.yaml}) with the stream-or-bulk
 * endpoint and threshold 1, so each document is its own bulk import job, on a real Milvus 2.3.5 + MinIO.
 */
@ExtendWith(BulkStackExtension.class)
class BulkDropFolderIT {
    static final String TEXT = "Otters hold hands while they sleep so that they do not drift apart on the water.";

    @TempDir
    Path inbox;
    @TempDir
    Path staging;

    @Test
    void should_import_a_dropped_document_and_move_it_to_done(BulkStack stack) throws Exception {
        Files.writeString(inbox.resolve("otters.txt"), TEXT);
        String collection = runDropFolder(stack, BulkImportIT.DIM, inbox.resolve(".done/otters.txt"));
        try (var client = new Closer(MilvusConnector.connect(stack.milvusUri()))) {
            assertThat(new MilvusWriter(client.c, collection).count(null)).isEqualTo(1);
            assertThat(DenseCollections.nearestTexts(client.c, collection, BulkImportIT.EMBEDDER.embed(TEXT), 1))
                    .containsExactly(TEXT);
        }
    }

    @Test
    void should_move_a_document_to_failed_with_milvus_reason_when_its_import_job_fails(BulkStack stack) throws Exception {
        Files.writeString(inbox.resolve("otters.txt"), TEXT);
        runDropFolder(stack, 8, inbox.resolve(".failed/otters.txt.error.json")); // 384-dim rows, 8-dim collection
        String error = Files.readString(inbox.resolve(".failed/otters.txt.error.json"));
        assertThat(inbox.resolve(".failed/otters.txt")).exists();
        // Milvus 2.3.5's reason for a Parquet vector column of the wrong length
        assertThat(error).contains("\"kind\" : \"IMPORT_FAILED\"").contains("failed: float vector is irregular");
    }

    /** Runs the drop folder on a new collection until {@code expected} appears. @return the collection */
    private String runDropFolder(BulkStack stack, int dimension, Path expected) throws Exception {
        String collection = "bulk_drop_" + BulkImportIT.NAMES.incrementAndGet();
        BulkConfig config = stack.config(1, "parquet", staging);
        try (var client = new Closer(MilvusConnector.connect(stack.milvusUri()));
             V1 v1 = new V1(new MilvusServiceClient(ConnectParam.newBuilder().withUri(stack.milvusUri()).build()));
             ObjectStore store = new ObjectStore(config);
             CamelContext camel = new DefaultCamelContext();
             GroupCommit commit = GroupCommit.of(new MilvusWriter(client.c, collection), 0)) {
            DenseCollections.create(client.c, collection, dimension);
            StreamOrBulkWriter writer = new StreamOrBulkWriter(new MilvusWriter(client.c, collection),
                    new BulkImporter(client.c, new ImportJobs(v1.c), store, config, collection), config);
            IngestPipeline pipeline = IngestPipeline.builder().extractor(new Extractors())
                    .chunker(new TokenChunker(ModelTokenizer.bgeSmallEnV15(), 384, 64, BgeSmallEmbedder.MAX_TOKENS,
                            BgeSmallEmbedder.MODEL_NAME)).embedder(BulkImportIT.EMBEDDER).writer(writer).build();
            Properties p = new Properties();
            p.setProperty("ingest.inbox", inbox.toString());
            p.setProperty("ingest.poll-delay-ms", "200");
            p.setProperty("ingest.workers", "2");
            DropFolderBeans.placeholders(p, new IngestConfig.DropFolder(0, FollowSymlinks.INSIDE));
            p.setProperty("ingest.retry.max-redeliveries", "2");
            p.setProperty("ingest.retry.initial-delay-ms", "500");
            p.setProperty("ingest.retry.max-delay-ms", "1000");
            p.setProperty("milvus.collection", collection);
            camel.getPropertiesComponent().setOverrideProperties(p);
            ProgressListener quiet = new ProgressListener() {
                public void succeeded(DocumentResult r) {
                }

                public void failed(String name, Throwable error) {
                }
            };
            DropFolderBeans.of(inbox, new IngestConfig.DropFolder(0, FollowSymlinks.INSIDE), quiet)
                    .forEach(camel.getRegistry()::bind);
            // the route's milvus-ingest step on this test's own pipeline (a bulk importer on a Milvus 2.3.5 v1
            // client, which the component does not build); milvusCommit is the component's
            camel.setAutowiredEnabled(false); // the component's generated configurer would autowire the stand-in
            camel.addComponent("milvus-ingest", new DefaultComponent() {
                @Override
                protected org.apache.camel.Endpoint createEndpoint(String uri, String remaining,
                                                                   java.util.Map<String, Object> parameters) {
                    return new ProcessorEndpoint(uri, this, e -> {
                        // the route's inboxGuard step made the body the document to read
                        e.getIn().setBody(pipeline.ingest(e.getIn().getBody(SourceDocument.class)));
                        e.setProperty(MilvusIngestConstants.COMMIT_PROPERTY, commit);
                    });
                }
            });
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "file:routes/drop-folder.camel.yaml"));
            camel.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.exists(expected) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(expected).exists();
        }
        return collection;
    }

    /** An AutoCloseable view of a v1 client. */
    record V1(MilvusServiceClient c) implements AutoCloseable {
        @Override
        public void close() {
            c.close();
        }
    }

    /** An AutoCloseable view of a V2 client. */
    record Closer(MilvusClientV2 c) implements AutoCloseable {
        @Override
        public void close() {
            c.close();
        }
    }
}
