package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.UploadResult;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MilvusLiteExtension.class)
class MilvusWriterIT {
    private static MilvusClientV2 client;
    private final HashingTestEmbedder embedder = new HashingTestEmbedder(32);
    private String collection;
    private MilvusWriter writer;

    @BeforeAll
    static void connect(MilvusLiteServer server) {
        client = MilvusConnector.connect(server.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void createCollection() {
        collection = MilvusLiteExtension.collectionName("writer");
        new CollectionManager(client).ensureCollection(collection, 32, false);
        writer = new MilvusWriter(client, collection, 2); // small batches: 5 chunks take 3 upserts
    }

    @Test
    void writingTheSameDocumentTwiceLeavesOneRowPerChunk() {
        var doc = TestDocs.doc("/d/twice.txt", embedder, "one", "two", "three", "four", "five");
        long before = System.nanoTime();
        UploadResult first = writer.write(doc);
        long wallMs = (System.nanoTime() - before) / 1_000_000;
        assertThat(first.rowsUpserted()).isEqualTo(5);
        assertThat(first.rowsDeleted()).isZero();
        // the write's own duration in ms: within the call's wall-clock time, and nearly all of it (a unit slip,
        // a timestamp or a constant would miss this window)
        assertThat(first.elapsedMs()).isBetween(Math.max(0, wallMs - 25), wallMs);
        assertThat(writer.write(doc).rowsDeleted()).isZero();
        assertThat(writer.count(null)).isEqualTo(5);
        assertThat(writer.count(Filters.sourceIdEquals("/d/twice.txt"))).isEqualTo(5);
    }

    @Test
    void aShorterNewVersionLeavesNoStaleRows() {
        writer.write(TestDocs.doc("/d/v.txt", embedder, "alpha", "beta", "gamma", "delta", "epsilon oldword"));
        var result = writer.write(TestDocs.doc("/d/v.txt", embedder, "alpha newword", "beta"));

        assertThat(result.rowsUpserted()).isEqualTo(2);
        assertThat(result.rowsDeleted()).isEqualTo(3);
        assertThat(texts(Filters.sourceIdEquals("/d/v.txt"))).containsExactlyInAnyOrder("alpha newword", "beta");
        HybridSearcher searcher = new HybridSearcher(client, collection, embedder);
        assertThat(searcher.search("newword", 5, SearchMode.SPARSE, null)).extracting(SearchHit::text)
                .containsExactly("alpha newword");
        assertThat(searcher.search("oldword", 5, SearchMode.SPARSE, null)).isEmpty();
    }

    @Test
    void storesSourceAndContentMetadata() {
        writer.write(TestDocs.doc("/d/meta.txt", embedder, "first", "second"));
        Map<String, Object> row = client.query(QueryReq.builder().collectionName(collection)
                .filter(Fields.PK + " == " + PrimaryKeys.of("/d/meta.txt", 1))
                .outputFields(List.of(Fields.TEXT, Fields.SOURCE, Fields.CONTENT_METADATA)).build())
                .getQueryResults().get(0).getEntity();
        assertThat(row.get(Fields.TEXT)).isEqualTo("second");
        JsonObject source = (JsonObject) row.get(Fields.SOURCE);
        assertThat(source.get(Fields.SOURCE_ID).getAsString()).isEqualTo("/d/meta.txt");
        assertThat(source.get(Fields.SOURCE_NAME).getAsString()).isEqualTo("/d/meta.txt");
        assertThat(source.get(Fields.SOURCE_TYPE).getAsString()).isEqualTo("text");
        assertThat(source.getAsJsonObject(Fields.CUSTOM_CONTENT).get(Fields.FILE_SIZE).getAsLong()).isEqualTo(1234);
        assertThat(source.get(Fields.LAST_MODIFIED).getAsString()).isEqualTo("2025-01-31T12:00:00Z");
        JsonObject meta = (JsonObject) row.get(Fields.CONTENT_METADATA);
        assertThat(meta.get(Fields.CM_TYPE).getAsString()).isEqualTo("text");
        assertThat(meta.get(Fields.PAGE_NUMBER).getAsInt()).as("p.2, 0-based").isEqualTo(1);
        JsonObject custom = meta.getAsJsonObject(Fields.CUSTOM_CONTENT);
        assertThat(custom.get(Fields.CHUNK_INDEX).getAsInt()).isEqualTo(1);
        assertThat(custom.get(Fields.TOKEN_COUNT).getAsInt()).isEqualTo(1);
    }

    @Test
    void storesTheHeadingPathUnderCustomContentWhereFiltersReachIt() {
        var plain = TestDocs.doc("/d/book.pdf", embedder, "cover", "pruning in winter");
        var doc = new io.milvusingest.model.EmbeddedDocument(plain.source(), plain.pages(),
                List.of(plain.chunks().get(0), plain.chunks().get(1).withHeadingPath("2 Garden > 2.1 Trees")),
                plain.vectors());
        writer.write(doc);

        String underTrees = Filters.jsonPath(Fields.CONTENT_METADATA, Fields.CUSTOM_CONTENT) + "[\""
                + Fields.HEADING_PATH + "\"] == \"2 Garden > 2.1 Trees\"";
        List<Map<String, Object>> rows = client.query(QueryReq.builder().collectionName(collection).filter(underTrees)
                .outputFields(List.of(Fields.TEXT, Fields.CONTENT_METADATA)).build())
                .getQueryResults().stream().map(r -> r.getEntity()).toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get(Fields.TEXT)).isEqualTo("pruning in winter");
            JsonObject meta = (JsonObject) row.get(Fields.CONTENT_METADATA);
            assertThat(meta.getAsJsonObject(Fields.CUSTOM_CONTENT).get(Fields.HEADING_PATH).getAsString())
                    .isEqualTo("2 Garden > 2.1 Trees");
        });
        assertThat(writer.count(null)).isEqualTo(2);
    }

    @Test
    void awkwardSourceIdsOnlyTouchTheirOwnRows() {
        List<String> ids = List.of("/d/a\"b.txt", "/d/a\\b.txt", "C:\\dir\\x.txt", "/d/line\nbreak.txt",
                "/d/x.txt", "/d/x.txt.bak", "/d/ünï code ✓.txt", "/d/q\" or pk >= 0 or \"x.txt");
        for (String id : ids) {
            writer.write(TestDocs.doc(id, embedder, "a " + id, "b " + id, "c " + id));
        }
        assertThat(writer.count(null)).isEqualTo(3L * ids.size());
        for (String id : ids) {
            assertThat(writer.count(Filters.sourceIdEquals(id))).as(id).isEqualTo(3);
        }

        assertThat(writer.write(TestDocs.doc("/d/x.txt", embedder, "only one")).rowsDeleted()).isEqualTo(2);
        assertThat(writer.deleteSource("/d/q\" or pk >= 0 or \"x.txt")).isEqualTo(3);
        assertThat(writer.deleteSource("/d/a\\b.txt")).isEqualTo(3);

        assertThat(writer.count(Filters.sourceIdEquals("/d/x.txt"))).isEqualTo(1);
        assertThat(writer.count(null)).isEqualTo(3L * ids.size() - 2 - 3 - 3);
        for (String id : List.of("/d/a\"b.txt", "C:\\dir\\x.txt", "/d/line\nbreak.txt", "/d/x.txt.bak",
                "/d/ünï code ✓.txt")) {
            assertThat(writer.count(Filters.sourceIdEquals(id))).as(id).isEqualTo(3);
        }
    }

    @Test
    void deleteSourceRemovesAllRowsAndFlushKeepsThem() {
        writer.write(TestDocs.doc("/d/gone.txt", embedder, "x", "y", "z"));
        writer.write(TestDocs.doc("/d/stays.txt", embedder, "kept"));
        assertThat(writer.deleteSource("/d/gone.txt")).isEqualTo(3);
        assertThat(writer.deleteSource("/d/gone.txt")).isZero();
        writer.flush();
        assertThat(writer.count(null)).isEqualTo(1);
    }

    @Test
    void concurrentWritesThroughOneWriterLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<UploadResult>> results = new ArrayList<>();
            for (int d = 0; d < 20; d++) {
                var doc = TestDocs.doc("/d/par-" + d + ".txt", embedder, "p" + d + " a", "p" + d + " b", "p" + d + " c");
                results.add(pool.submit(() -> writer.write(doc)));
                results.add(pool.submit(() -> writer.write(doc))); // the same document twice, concurrently
            }
            for (Future<UploadResult> result : results) {
                assertThat(result.get().rowsUpserted()).isEqualTo(3);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(writer.count(null)).isEqualTo(60);
    }

    @Test
    void milvusFailuresAreStoreUnavailable() {
        MilvusWriter broken = new MilvusWriter(client, "it_no_such_collection");
        assertThatThrownBy(() -> broken.write(TestDocs.doc("/d/lost.txt", embedder, "text")))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.STORE_UNAVAILABLE);
                    assertThat(e.stage()).isEqualTo(Stage.UPLOAD);
                    assertThat(e.source()).isEqualTo("/d/lost.txt");
                    assertThat(e.getMessage()).contains("it_no_such_collection");
                });
    }

    private List<String> texts(String filter) {
        return client.query(QueryReq.builder().collectionName(collection).filter(filter)
                        .outputFields(List.of(Fields.TEXT)).build()).getQueryResults().stream()
                .map(r -> (String) r.getEntity().get(Fields.TEXT)).toList();
    }
}
