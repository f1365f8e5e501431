package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.ReleaseCollectionReq;
import io.milvusingest.model.Chunk;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.EmbeddedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows routed by content type ({@code milvus.collections}, NeMo Retriever's dict-valued collection_name) land in
 * their collections, and a re-ingested source is replaced in every collection it reached.
 */
@ExtendWith(MilvusLiteExtension.class)
class RoutedWriterIT {
    private static MilvusClientV2 client;
    private final HashingTestEmbedder embedder = new HashingTestEmbedder(16);

    @BeforeAll
    static void connect(MilvusLiteServer server) {
        client = MilvusConnector.connect(server.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void rowsGoToTheirTypesCollectionAndReingestReplacesThemEverywhere() {
        String docs = MilvusLiteExtension.collectionName("r_docs");
        String tables = MilvusLiteExtension.collectionName("r_tables");
        String other = MilvusLiteExtension.collectionName("r_other");
        CollectionManager manager = new CollectionManager(client);
        for (String c : List.of(docs, tables, other)) {
            manager.ensureCollection(c, 16, false);
        }
        MilvusWriter docsWriter = new MilvusWriter(client, docs);
        MilvusWriter tablesWriter = new MilvusWriter(client, tables);
        MilvusWriter otherWriter = new MilvusWriter(client, other);
        MilvusStore routed = RoutedWriter.of(otherWriter, Map.of(ContentType.TEXT, docsWriter,
                ContentType.TABLE, tablesWriter, ContentType.CHART, tablesWriter));
        String id = "/d/mixed.pdf";

        var first = routed.write(doc(id, ContentType.TEXT, "alpha text", ContentType.TABLE, "| q1 | 42 |",
                ContentType.IMAGE, "photo of a lighthouse", ContentType.TEXT, "beta text oldword"));

        assertThat(first.rowsUpserted()).isEqualTo(4);
        assertThat(docsWriter.count(Filters.sourceIdEquals(id))).isEqualTo(2);
        assertThat(tablesWriter.count(Filters.sourceIdEquals(id))).isEqualTo(1);
        assertThat(otherWriter.count(Filters.sourceIdEquals(id))).as("images: not routed, milvus.collection").isEqualTo(1);
        assertThat(docsWriter.count(Filters.jsonPath(Fields.CONTENT_METADATA, Fields.CUSTOM_CONTENT, Fields.CHUNK_INDEX)
                + " == 1")).as("chunk indexes count per collection").isEqualTo(1);

        var second = routed.write(doc(id, ContentType.TEXT, "alpha text newword"));

        assertThat(second.rowsDeleted()).as("1 stale text row, the table row, the image row").isEqualTo(3);
        assertThat(docsWriter.count(Filters.sourceIdEquals(id))).isEqualTo(1);
        assertThat(docsWriter.count(Fields.TEXT + " like \"%oldword%\"")).isZero();
        assertThat(tablesWriter.count(Filters.sourceIdEquals(id))).isZero();
        assertThat(otherWriter.count(Filters.sourceIdEquals(id))).isZero();
        assertThat(routed.count(null)).isEqualTo(1);

        routed.write(doc("/d/other.pdf", ContentType.TABLE, "| x |", ContentType.TEXT, "gamma"));
        client.releaseCollection(ReleaseCollectionReq.builder().collectionName(tables).build());
        routed.commit();
        assertThat(client.getLoadState(GetLoadStateReq.builder().collectionName(tables).build())).isTrue();
        assertThat(routed.deleteSource(id) + routed.deleteSource("/d/other.pdf")).isEqualTo(3);
        assertThat(routed.count(null)).isZero();
    }

    /** @param typedTexts content type, text, content type, text, ... */
    private EmbeddedDocument doc(String sourceId, Object... typedTexts) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < typedTexts.length; i += 2) {
            String text = (String) typedTexts[i + 1];
            chunks.add(new Chunk(text, (ContentType) typedTexts[i], 1, chunks.size(), text.split(" ").length));
            texts.add(text);
        }
        return new EmbeddedDocument(TestDocs.source(sourceId), 1, chunks, embedder.embedPassages(texts));
    }
}
