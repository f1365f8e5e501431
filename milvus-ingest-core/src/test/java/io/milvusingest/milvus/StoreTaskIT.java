package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.extract.ExtractOptions;
import io.milvusingest.extract.Extractors;
import io.milvusingest.extract.Ocr;
import io.milvusingest.extract.TesseractOcr;
import io.milvusingest.pipeline.IngestPipeline;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.store.ElementStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on multimodal_test.pdf with the store task and image OCR: tables and images land in the
 * store folder and their rows in Milvus carry the stored location in content_metadata.
 */
@ExtendWith(MilvusLiteExtension.class)
class StoreTaskIT {
    private static final Path PDF = Path.of("..", "shared", "corpus", "nv-ingest", "multimodal_test.pdf");

    @TempDir
    Path store;

    @Test
    void storedTablesAndImagesHaveTheirLocationInContentMetadata(MilvusLiteServer server) throws Exception {
        String collection = MilvusLiteExtension.collectionName("store");
        HashingTestEmbedder embedder = new HashingTestEmbedder(32);
        Ocr ocr = TesseractOcr.detect(true, 60);
        MilvusClientV2 client = MilvusConnector.connect(server.uri());
        try (ModelTokenizer tokenizer = ModelTokenizer.bgeSmallEnV15()) {
            new CollectionManager(client).ensureCollection(collection, 32, false);
            IngestPipeline pipeline = IngestPipeline.builder()
                    .extractor(new Extractors(List.of(), ExtractOptions.ALL, ocr, true))
                    .steps(List.of(ElementStore.of(store.toUri().toString(), true, true)))
                    .chunker(new TokenChunker(tokenizer, 384, 64, BgeSmallEmbedder.MAX_TOKENS, BgeSmallEmbedder.MODEL_NAME))
                    .embedder(embedder).writer(new MilvusWriter(client, collection, 64)).build();

            pipeline.ingest(SourceDocument.ofFile(PDF));

            List<String> files;
            try (var listing = Files.list(store.resolve("multimodal_test.pdf"))) {
                files = listing.map(p -> p.getFileName().toString()).sorted().toList();
            }
            // per page: text, table (pages 1-2), image; elements 1 and 4 are the tables
            assertThat(files).contains("1.md", "2.png", "4.md", "5.png", "7.png");
            List<Map<String, Object>> rows = client.query(QueryReq.builder().collectionName(collection)
                    .filter(Fields.CONTENT_METADATA + "[\"subtype\"] == \"table\"")
                    .outputFields(List.of(Fields.CONTENT_METADATA)).build()).getQueryResults().stream()
                    .map(r -> r.getEntity()).toList();
            assertThat(rows).hasSize(2).allSatisfy(row -> {
                JsonObject table = ((JsonObject) row.get(Fields.CONTENT_METADATA)).getAsJsonObject(Fields.TABLE_METADATA);
                Path stored = Path.of(URI.create(table.get(Fields.TABLE_STORED_URI).getAsString()));
                assertThat(stored).startsWith(store).exists();
                assertThat(table.get(Fields.TABLE_CONTENT).getAsString()).startsWith("| ");
            });
            if (ocr.available()) { // image rows exist only with OCR text
                List<Map<String, Object>> images = client.query(QueryReq.builder().collectionName(collection)
                        .filter(Fields.CONTENT_METADATA + "[\"type\"] == \"image\"")
                        .outputFields(List.of(Fields.CONTENT_METADATA)).build()).getQueryResults().stream()
                        .map(r -> r.getEntity()).toList();
                assertThat(images).isNotEmpty().allSatisfy(row -> {
                    JsonObject image = ((JsonObject) row.get(Fields.CONTENT_METADATA))
                            .getAsJsonObject(Fields.IMAGE_METADATA);
                    assertThat(Path.of(URI.create(image.get(Fields.IMAGE_STORED_URI).getAsString()))).exists();
                    assertThat(image.get(Fields.IMAGE_TYPE).getAsString()).isEqualTo("png");
                });
            }
        } finally {
            client.close();
        }
    }
}
