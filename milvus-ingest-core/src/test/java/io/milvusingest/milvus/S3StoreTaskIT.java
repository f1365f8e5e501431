package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.StoreConfig;
import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.extract.ExtractOptions;
import io.milvusingest.extract.Extractors;
import io.milvusingest.extract.TesseractOcr;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import io.milvusingest.pipeline.IngestPipeline;
import io.milvusingest.s3.MinioExtension;
import io.milvusingest.s3.MinioServer;
import io.milvusingest.store.ElementStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The store task with {@code store.uri=s3://bucket/prefix} against a real MinIO: tables and images of
 * multimodal_test.pdf land under the prefix, their Milvus rows carry the object URIs, a source name that would
 * leave the prefix is refused, and an unusable bucket is STORE_UNAVAILABLE.
 */
@ExtendWith({MilvusLiteExtension.class, MinioExtension.class})
class S3StoreTaskIT {
    private static final Path PDF = Path.of("..", "shared", "corpus", "nv-ingest", "multimodal_test.pdf");

    static StoreConfig config(MinioServer minio, String uri, String secret) {
        return IngestConfig.from(ConfigSource.load(null, Map.of("store.uri", uri,
                "store.s3.uri-endpoint-override", minio.endpoint(), "store.s3.force-path-style", "true",
                "store.s3.access-key", minio.accessKey(), "store.s3.secret-key", secret)), Path.of(".")).store();
    }

    @Test
    void tablesAndImagesLandUnderThePrefixAndRowsCarryTheirUri(MilvusLiteServer server, MinioServer minio)
            throws Exception {
        S3Client s3 = minio.client();
        s3.createBucket(b -> b.bucket("store-task"));
        String collection = MilvusLiteExtension.collectionName("s3store");
        MilvusClientV2 client = MilvusConnector.connect(server.uri());
        try (ModelTokenizer tokenizer = ModelTokenizer.bgeSmallEnV15();
             ElementStore store = ElementStore.of(config(minio, "s3://store-task/runs/2026", minio.secretKey()))) {
            new CollectionManager(client).ensureCollection(collection, 32, false);
            IngestPipeline pipeline = IngestPipeline.builder()
                    .extractor(new Extractors(List.of(), ExtractOptions.ALL, TesseractOcr.detect(false, 60), false))
                    .steps(List.of(store))
                    .chunker(new TokenChunker(tokenizer, 384, 64, BgeSmallEmbedder.MAX_TOKENS, BgeSmallEmbedder.MODEL_NAME))
                    .embedder(new HashingTestEmbedder(32)).writer(new MilvusWriter(client, collection, 64)).build();

            pipeline.ingest(SourceDocument.ofFile(PDF));

            List<String> keys = s3.listObjectsV2(b -> b.bucket("store-task")).contents().stream()
                    .map(o -> o.key()).sorted().toList();
            assertThat(keys).contains("runs/2026/multimodal_test.pdf/1.md", "runs/2026/multimodal_test.pdf/2.png")
                    .allSatisfy(k -> assertThat(k).startsWith("runs/2026/multimodal_test.pdf/"));
            String table = s3.getObjectAsBytes(b -> b.bucket("store-task").key("runs/2026/multimodal_test.pdf/1.md"))
                    .asString(StandardCharsets.UTF_8);
            assertThat(table).startsWith("| ");
            List<Map<String, Object>> rows = client.query(QueryReq.builder().collectionName(collection)
                    .filter(Fields.CONTENT_METADATA + "[\"subtype\"] == \"table\"")
                    .outputFields(List.of(Fields.CONTENT_METADATA)).build()).getQueryResults().stream()
                    .map(r -> r.getEntity()).toList();
            assertThat(rows).isNotEmpty().allSatisfy(row -> {
                JsonObject t = ((JsonObject) row.get(Fields.CONTENT_METADATA)).getAsJsonObject(Fields.TABLE_METADATA);
                String uri = t.get(Fields.TABLE_STORED_URI).getAsString();
                assertThat(uri).startsWith("s3://store-task/runs/2026/multimodal_test.pdf/").endsWith(".md");
                assertThat(keys).contains(uri.substring("s3://store-task/".length()));
            });
        } finally {
            client.close();
        }
    }

    @Test
    void aSourceNameThatWouldLeaveThePrefixIsRefusedAndNothingIsWritten(MinioServer minio) {
        S3Client s3 = minio.client();
        s3.createBucket(b -> b.bucket("store-escape"));
        Extraction extraction = new Extraction(List.of(new io.milvusingest.model.Element(
                io.milvusingest.model.ContentType.TABLE, "| a |\n| --- |\n| 1 |", 1)), 1);
        try (ElementStore store = ElementStore.of(config(minio, "s3://store-escape/inner", minio.secretKey()))) {
            for (String name : List.of("..", ".", "../outside.pdf", "a/b.pdf", "..\\x.pdf")) {
                IngestException e = catchThrowableOfType(IngestException.class, () -> store.apply(
                        new SourceDocument(Path.of("/tmp/x"), "s3://src/" + name, name, 1, Instant.EPOCH), extraction));
                assertThat(e.kind()).as(name).isEqualTo(ErrorKind.UNSUPPORTED);
                assertThat(e.stage()).isEqualTo(Stage.STORE);
                assertThat(e.getMessage()).contains("would escape the store s3://store-escape/inner");
            }
        }
        assertThat(s3.listObjectsV2(b -> b.bucket("store-escape")).contents()).isEmpty();
    }

    @Test
    void aBucketThatCannotBeWrittenIsStoreUnavailable(MinioServer minio) {
        Extraction extraction = new Extraction(List.of(new io.milvusingest.model.Element(
                io.milvusingest.model.ContentType.TABLE, "| a |\n| --- |\n| 1 |", 1)), 1);
        try (ElementStore store = ElementStore.of(config(minio, "s3://store-denied/p", "wrong-secret"))) {
            IngestException e = catchThrowableOfType(IngestException.class, () -> store.apply(
                    new SourceDocument(Path.of("/tmp/x"), "/d/r.pdf", "r.pdf", 1, Instant.EPOCH), extraction));
            assertThat(e.kind()).isEqualTo(ErrorKind.STORE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("cannot store r.pdf/0.md in s3://store-denied/p")
                    .doesNotContain("wrong-secret");
        }
    }
}
