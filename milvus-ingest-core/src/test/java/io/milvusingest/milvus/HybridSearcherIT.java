package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MilvusLiteExtension.class)
class HybridSearcherIT {
    private static final String XYLOPHONE = "Zanzibar xylophone orchestra performs tonight";
    private static final String FOX = "The quick brown fox jumps over the lazy dog";
    private static MilvusClientV2 client;
    private static HybridSearcher searcher;
    private static String collection;
    private static final HashingTestEmbedder EMBEDDER = new HashingTestEmbedder();

    @BeforeAll
    static void load(MilvusLiteServer server) {
        client = MilvusConnector.connect(server.uri());
        collection = MilvusLiteExtension.collectionName("search");
        new CollectionManager(client).ensureCollection(collection, EMBEDDER.dimension(), false);
        MilvusWriter writer = new MilvusWriter(client, collection);
        writer.write(TestDocs.doc("/d/notes.txt", EMBEDDER, FOX, XYLOPHONE));
        writer.write(TestDocs.doc("/d/tech.md", EMBEDDER, "Milvus stores vectors for similarity search",
                "Apache Camel routes move documents between systems", "The dog sleeps in the sun"));
        SourceDocument pdf = new SourceDocument(Path.of("/tmp/unused"), "/d/report.pdf", "report.pdf", 99,
                TestDocs.MODIFIED);
        writer.write(TestDocs.doc(pdf, ContentType.TABLE, EMBEDDER, "| quarter | revenue |", "| q1 | 42 dog |"));
        searcher = new HybridSearcher(client, collection, EMBEDDER);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void sparseFindsARareKeyword() {
        List<SearchHit> hits = searcher.search("xylophone", 5, SearchMode.SPARSE, null);
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.text()).isEqualTo(XYLOPHONE);
            assertThat(hit.score()).isPositive();
            assertThat(hit.sourceId()).isEqualTo("/d/notes.txt");
            assertThat(hit.sourceName()).isEqualTo("/d/notes.txt");
            assertThat(hit.pageNumber()).as("stored 0-based").isEqualTo(1);
            assertThat(hit.page()).isEqualTo(2);
            assertThat(hit.chunkIndex()).isEqualTo(1);
            assertThat(hit.contentType()).isEqualTo("text");
        });
    }

    @Test
    void sparseScoresArePositiveAndDescending() {
        List<SearchHit> hits = searcher.search("dog", 10, SearchMode.SPARSE, null);
        assertThat(hits).hasSize(3).allSatisfy(h -> assertThat(h.score()).isPositive());
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void denseFindsTheChunkWithTheSameVector() {
        List<SearchHit> hits = searcher.search(FOX, 3, SearchMode.DENSE, null);
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).text()).isEqualTo(FOX);
        assertThat(hits.get(0).score()).isCloseTo(1f, within(1e-3f));
        assertThat(hits.get(1).score()).isLessThan(hits.get(0).score());
    }

    @Test
    void hybridFusesBothRoutesWithRrf() {
        String query = "xylophone dog";
        HybridSearcher rrfSearcher = new HybridSearcher(client, collection, EMBEDDER,
                new SearchOptions(SearchOptions.Fusion.RRF, 0.5, true, 50));
        List<SearchHit> dense = searcher.search(query, 4, SearchMode.DENSE, null);
        List<SearchHit> sparse = searcher.search(query, 4, SearchMode.SPARSE, null);
        List<SearchHit> hybrid = rrfSearcher.search(query, 4, SearchMode.HYBRID, null);

        Set<String> union = new HashSet<>(texts(dense));
        union.addAll(texts(sparse));
        assertThat(hybrid).hasSize(4);
        assertThat(texts(hybrid)).isSubsetOf(union).contains(dense.get(0).text(), sparse.get(0).text());
        for (SearchHit hit : hybrid) {
            double expected = rrf(dense, hit.text()) + rrf(sparse, hit.text());
            assertThat((double) hit.score()).as(hit.text()).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void hybridByDefaultSumsMinMaxNormalizedScoresOfBothRoutes() {
        String query = "xylophone dog";
        List<SearchHit> dense = searcher.search(query, 50, SearchMode.DENSE, null);
        List<SearchHit> sparse = searcher.search(query, 50, SearchMode.SPARSE, null);
        List<SearchHit> hybrid = searcher.search(query, 3, SearchMode.HYBRID, null);

        assertThat(hybrid).hasSize(3);
        assertThat(hybrid).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        for (SearchHit hit : hybrid) {
            double expected = 0.5 * minMax(dense, hit.text()) + 0.5 * minMax(sparse, hit.text());
            assertThat((double) hit.score()).as(hit.text()).isCloseTo(expected, within(1e-4));
        }
        // the one chunk that has "xylophone" is the best of BM25's list (1 there), whatever its dense score
        assertThat(texts(hybrid)).contains(XYLOPHONE);
    }

    @Test
    void minMaxFusionWithAllWeightOnOneRouteRanksAsThatRoute() {
        String query = "xylophone dog";
        HybridSearcher denseOnly = new HybridSearcher(client, collection, EMBEDDER,
                new SearchOptions(SearchOptions.Fusion.MINMAX, 1.0, true, 50));
        // the dense search fetches as deep as the fusion (50), so hits with equal distances come in the same order
        assertThat(texts(denseOnly.search(query, 5, SearchMode.HYBRID, null)))
                .isEqualTo(texts(searcher.search(query, 50, SearchMode.DENSE, null)).subList(0, 5));
        HybridSearcher bm25Only = new HybridSearcher(client, collection, EMBEDDER,
                new SearchOptions(SearchOptions.Fusion.MINMAX, 0.0, true, 50));
        List<SearchHit> sparse = searcher.search(query, 5, SearchMode.SPARSE, null);
        // BM25's last hit normalizes to 0, as do the hits BM25 did not return: only the ones before it are ordered
        assertThat(sparse).hasSizeGreaterThan(2);
        assertThat(texts(bm25Only.search(query, 5, SearchMode.HYBRID, null)).subList(0, sparse.size() - 1))
                .isEqualTo(texts(sparse).subList(0, sparse.size() - 1));
    }

    @Test
    void weightedFusionWithAllWeightOnOneRouteRanksAsThatRoute() {
        String query = "xylophone dog";
        HybridSearcher denseOnly = new HybridSearcher(client, collection, EMBEDDER,
                new SearchOptions(SearchOptions.Fusion.WEIGHTED, 1.0, true, 50));
        assertThat(texts(denseOnly.search(query, 3, SearchMode.HYBRID, null)))
                .isEqualTo(texts(searcher.search(query, 3, SearchMode.DENSE, null)));
        HybridSearcher bm25Only = new HybridSearcher(client, collection, EMBEDDER,
                new SearchOptions(SearchOptions.Fusion.WEIGHTED, 0.0, true, 50));
        List<SearchHit> sparse = searcher.search(query, 3, SearchMode.SPARSE, null);
        assertThat(texts(bm25Only.search(query, 3, SearchMode.HYBRID, null)).subList(0, sparse.size()))
                .isEqualTo(texts(sparse));
    }

    @Test
    void withoutTheQueryInstructionQueriesAreEmbeddedAsPassages() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.milvusingest.embed.Embedder recording = new io.milvusingest.embed.Embedder() {
            @Override
            public List<float[]> embedPassages(List<String> passages) {
                calls.add("passages");
                return EMBEDDER.embedPassages(passages);
            }

            @Override
            public float[] embedQuery(String query) {
                calls.add("query");
                return EMBEDDER.embedQuery(query);
            }

            @Override
            public int dimension() {
                return EMBEDDER.dimension();
            }

            @Override
            public int maxTokens() {
                return EMBEDDER.maxTokens();
            }

            @Override
            public String modelName() {
                return EMBEDDER.modelName();
            }
        };
        new HybridSearcher(client, collection, recording, new SearchOptions(SearchOptions.Fusion.RRF, 0.5, false, 50))
                .search(FOX, 1, SearchMode.DENSE, null);
        new HybridSearcher(client, collection, recording).search(FOX, 1, SearchMode.HYBRID, null);
        assertThat(calls).containsExactly("passages", "query");
    }

    @Test
    void aRerankerOrdersTopNCandidatesAndTheBestTopKAreReturned() throws java.io.IOException {
        try (var stub = new io.milvusingest.rerank.StubRankingServer()) {
            var options = new io.milvusingest.rerank.RemoteRerankerOptions(stub.baseUrl(), "rerank-model", null, 10,
                    java.time.Duration.ofSeconds(5), 0, java.time.Duration.ofMillis(10));
            HybridSearcher reranking = new HybridSearcher(client, collection, EMBEDDER, SearchOptions.DEFAULTS,
                    new Reranking(new io.milvusingest.rerank.NimReranker(options), 10));

            for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.DENSE)) {
                stub.requests.clear();
                List<SearchHit> hits = reranking.search("the dog", 1, mode, null);

                // the stub's relevance: occurrences of "the dog"; only one chunk has it
                assertThat(hits).singleElement().satisfies(hit -> {
                    assertThat(hit.text()).isEqualTo("The dog sleeps in the sun");
                    assertThat(hit.sourceId()).isEqualTo("/d/tech.md");
                    assertThat(hit.score()).isGreaterThan(0.9f);
                });
                assertThat(stub.requests).singleElement().satisfies(r ->
                        assertThat(r.body().path("passages").size()).as(mode.name()).isEqualTo(7));
            }

            stub.failNext(500);
            assertThatThrownBy(() -> reranking.search("the dog", 1, SearchMode.SPARSE, null))
                    .isInstanceOfSatisfying(IngestException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.RERANK_FAILED));
        }
    }

    @Test
    void hybridKeepsDenseOnlyResults() {
        // only one chunk contains "xylophone", so BM25 returns one hit; the other two come from the dense route
        assertThat(searcher.search("xylophone", 3, SearchMode.SPARSE, null)).hasSize(1);
        List<SearchHit> hybrid = searcher.search("xylophone", 3, SearchMode.HYBRID, null);
        assertThat(hybrid).hasSize(3);
        assertThat(hybrid.get(0).text()).isEqualTo(XYLOPHONE);
        // min-max fusion: the best of both lists scores 1; a hit of the dense list alone at most its weight, 0.5
        assertThat((double) hybrid.get(0).score()).isCloseTo(1.0, within(1e-4));
        assertThat((double) hybrid.get(2).score()).isLessThanOrEqualTo(0.5 + 1e-6);
    }

    @Test
    void filtersApplyToEveryMode() {
        String notesOnly = Filters.sourceIdEquals("/d/notes.txt");
        for (SearchMode mode : SearchMode.values()) {
            assertThat(searcher.search("dog", 10, mode, notesOnly)).as(mode.name()).isNotEmpty()
                    .allSatisfy(h -> assertThat(h.sourceId()).isEqualTo("/d/notes.txt"));
        }
        String pdfTables = Filters.jsonPath(Fields.SOURCE, Fields.SOURCE_TYPE) + " == \"pdf\" and "
                + Filters.jsonPath(Fields.CONTENT_METADATA, Fields.PAGE_NUMBER) + " == 1";
        assertThat(searcher.search("dog", 10, SearchMode.HYBRID, pdfTables)).singleElement()
                .satisfies(h -> {
                    assertThat(h.text()).isEqualTo("| q1 | 42 dog |");
                    assertThat(h.contentType()).isEqualTo("table");
                });
        assertThat(searcher.search("xylophone", 10, SearchMode.SPARSE, notesOnly.replace("notes", "tech")))
                .isEmpty();
    }

    @Test
    void badFilterIsStoreUnavailableAndBadArgumentsAreRejected() {
        assertThatThrownBy(() -> searcher.search("dog", 3, SearchMode.SPARSE, "source[\"source_id\"] ==="))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.STORE_UNAVAILABLE);
                            assertThat(e.getMessage()).startsWith("sparse search in collection it_search_");
                            assertThat(e.getMessage()).contains("io.milvus.v2.utils.RpcUtils");
                        });
        assertThatThrownBy(() -> searcher.search(" ", 3, SearchMode.DENSE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> searcher.search("dog", 0, SearchMode.DENSE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double rrf(List<SearchHit> route, String text) {
        List<String> texts = texts(route);
        int rank = texts.indexOf(text);
        return rank < 0 ? 0 : 1.0 / (HybridSearcher.RRF_K + rank + 1);
    }

    /** @return the hit's score in the route, min-max normalized over the route's hits; 0 if not in it */
    private static double minMax(List<SearchHit> route, String text) {
        double max = route.stream().mapToDouble(SearchHit::score).max().orElseThrow();
        double min = route.stream().mapToDouble(SearchHit::score).min().orElseThrow();
        return route.stream().filter(h -> h.text().equals(text)).mapToDouble(h -> (h.score() - min) / (max - min))
                .findFirst().orElse(0);
    }

    private static List<String> texts(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::text).toList();
    }
}
