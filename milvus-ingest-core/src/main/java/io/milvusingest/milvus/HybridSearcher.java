package io.milvusingest.milvus;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.vector.request.AnnSearchReq;
import io.milvus.v2.service.vector.request.HybridSearchReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.EmbeddedText;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.ranker.RRFRanker;
import io.milvus.v2.service.vector.request.ranker.WeightedRanker;
import io.milvus.v2.service.vector.response.SearchResp;
import io.milvusingest.embed.Embedder;
import io.milvusingest.model.IngestException;
import java.util.List;
import java.util.Map;

/**
 * Searches a collection written by {@link MilvusWriter}: dense (query embedding against {@code vector}),
 * sparse (BM25 full-text search: Milvus analyzes the query text and scores it against {@code sparse}) or
 * hybrid (both, fused as {@link SearchOptions#fusion()} says: by default a dense and a BM25 search of
 * {@link SearchOptions#candidates()} hits each, their scores min-max normalized and combined here
 * ({@link MinMaxFusion}); or one Milvus hybrid search with reciprocal rank fusion, k = 60,
 * {@code score = Σ 1/(60 + rank)}, the default of Milvus' {@code RRFRanker} and what NeMo Retriever's hybrid
 * retrieval uses; or Milvus' {@code WeightedRanker}); then, optionally, a {@link Reranker} reorders the candidates
 * ({@link Reranking}). Thread-safe.
 */
public final class HybridSearcher {
    /** RRF smoothing constant k, as Milvus' RRFRanker default and NeMo Retriever. */
    public static final int RRF_K = 60;
    /** Largest topK Milvus accepts. */
    public static final int MAX_TOP_K = 16_384;
    /** HNSW search breadth, NeMo Retriever's default {@code ef}; raised to topK when that is larger. */
    static final int HNSW_EF = 200;
    private static final List<String> OUTPUT_FIELDS = List.of(Fields.TEXT, Fields.SOURCE, Fields.CONTENT_METADATA);

    private final MilvusClientV2 client;
    private final String collection;
    private final Embedder embedder;
    private final SearchOptions options;
    private final Reranking reranking;

    /** With {@link SearchOptions#DEFAULTS}; @param embedder the model the collection was written with */
    public HybridSearcher(MilvusClientV2 client, String collection, Embedder embedder) {
        this(client, collection, embedder, SearchOptions.DEFAULTS);
    }

    /**
     * @param embedder the model the collection was written with (used for DENSE and HYBRID queries)
     * @param options  fusion of hybrid searches and how queries are embedded
     */
    public HybridSearcher(MilvusClientV2 client, String collection, Embedder embedder, SearchOptions options) {
        this(client, collection, embedder, options, Reranking.NONE);
    }

    /**
     * @param embedder  the model the collection was written with (used for DENSE and HYBRID queries)
     * @param options   fusion of hybrid searches and how queries are embedded
     * @param reranking the second stage applied to every mode's candidates, {@link Reranking#NONE} for none
     */
    public HybridSearcher(MilvusClientV2 client, String collection, Embedder embedder, SearchOptions options,
                          Reranking reranking) {
        this.client = client;
        this.collection = collection;
        this.embedder = embedder;
        this.options = options;
        this.reranking = reranking;
    }

    /**
     * @param query  the question or keywords, not blank
     * @param topK   hits wanted, 1..16384; each route of a hybrid search with RRF or weighted fusion also fetches
     *               topK candidates, with min-max fusion {@code max(topK, candidates)} (with reranking,
     *               {@code max(topK, topN)} hits are fused and all reranked, the best topK kept)
     * @param filter Milvus boolean expression applied to every route, e.g.
     *               {@code source["source_type"] == "pdf"} (see {@link Filters}); null or blank for none
     * @return up to topK hits, best first (see {@link SearchHit#score()} for the score scale per mode; with
     *         reranking, the reranker's scores)
     * @throws IngestException EMBEDDING_FAILED/EMBED from the embedder; STORE_UNAVAILABLE/UPLOAD when Milvus
     *                         fails (including an invalid filter); RERANK_FAILED/SEARCH from the reranker
     */
    public List<SearchHit> search(String query, int topK, SearchMode mode, String filter) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is blank");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK must be in 1.." + MAX_TOP_K + ", got " + topK);
        }
        String expr = filter == null ? "" : filter.strip();
        int fetch = reranking.candidates(topK);
        List<SearchHit> candidates = switch (mode) {
            case DENSE -> hits(mode, call(mode, () -> client.search(denseSearch(dense(query), fetch, expr))));
            case SPARSE -> hits(mode, call(mode, () -> client.search(bm25Search(query, fetch, expr))));
            case HYBRID -> options.fusion() == SearchOptions.Fusion.MINMAX ? minMax(query, fetch, expr)
                    : milvusFused(query, fetch, expr);
        };
        return reranking.apply(query, candidates, topK);
    }

    /** Dense and BM25 searches of {@code max(fetch, candidates)} hits each, fused here ({@link MinMaxFusion}). */
    private List<SearchHit> minMax(String query, int fetch, String expr) {
        int depth = Math.max(fetch, options.candidates());
        List<BaseVector> vector = dense(query);
        SearchResp dense = call(SearchMode.HYBRID, () -> client.search(denseSearch(vector, depth, expr)));
        SearchResp bm25 = call(SearchMode.HYBRID, () -> client.search(bm25Search(query, depth, expr)));
        return MinMaxFusion.fuse(candidates(SearchMode.DENSE, dense), candidates(SearchMode.SPARSE, bm25),
                options.denseWeight(), fetch);
    }

    /** One hybrid search request; Milvus fuses the two routes with {@link #ranker()}. */
    private List<SearchHit> milvusFused(String query, int fetch, String expr) {
        AnnSearchReq dense = AnnSearchReq.builder().vectorFieldName(Fields.VECTOR).vectors(dense(query))
                .metricType(CollectionSchemas.DENSE_METRIC).params("{\"ef\": " + Math.max(HNSW_EF, fetch) + "}")
                .limit(fetch).filter(expr).build();
        AnnSearchReq bm25 = AnnSearchReq.builder().vectorFieldName(Fields.SPARSE).vectors(sparse(query))
                .metricType(IndexParam.MetricType.BM25).limit(fetch).filter(expr).build();
        return hits(SearchMode.HYBRID, call(SearchMode.HYBRID, () -> client.hybridSearch(HybridSearchReq.builder()
                .collectionName(collection).searchRequests(List.of(dense, bm25)).ranker(ranker()).limit(fetch)
                .outFields(OUTPUT_FIELDS).build())));
    }

    private SearchReq denseSearch(List<BaseVector> vector, int limit, String expr) {
        return SearchReq.builder().collectionName(collection).annsField(Fields.VECTOR)
                .metricType(CollectionSchemas.DENSE_METRIC).data(vector).searchParams(Map.of("ef", Math.max(HNSW_EF, limit)))
                .limit(limit).filter(expr).outputFields(OUTPUT_FIELDS).build();
    }

    private SearchReq bm25Search(String query, int limit, String expr) {
        return SearchReq.builder().collectionName(collection).annsField(Fields.SPARSE)
                .metricType(IndexParam.MetricType.BM25).data(sparse(query)).limit(limit).filter(expr)
                .outputFields(OUTPUT_FIELDS).build();
    }

    private static List<SearchResp.SearchResult> results(SearchResp resp) {
        return resp.getSearchResults().isEmpty() ? List.of() : resp.getSearchResults().get(0);
    }

    private static List<SearchHit> hits(SearchMode mode, SearchResp resp) {
        return results(resp).stream().map(r -> SearchHit.of(score(mode, r.getScore()), r.getEntity())).toList();
    }

    private static List<MinMaxFusion.Candidate> candidates(SearchMode mode, SearchResp resp) {
        return results(resp).stream()
                .map(r -> new MinMaxFusion.Candidate(r.getId(), score(mode, r.getScore()), r.getEntity())).toList();
    }

    /**
     * Normalizes scores to "higher is better". DENSE: Milvus' L2 metric returns the squared distance d,
     * which for unit vectors is 2 - 2·cos, so cos = 1 - d/2. SPARSE: BM25 is positive on Milvus but Milvus
     * Lite 3.2.2 returns it negated, so the absolute value is used. HYBRID: the ranker's scores as returned.
     */
    static float score(SearchMode mode, Float raw) {
        float s = raw == null ? 0f : raw;
        return switch (mode) {
            case DENSE -> 1f - s / 2f;
            case SPARSE -> Math.abs(s);
            case HYBRID -> s;
        };
    }

    private CreateCollectionReq.Function ranker() {
        return switch (options.fusion()) {
            case RRF -> new RRFRanker(RRF_K);
            case WEIGHTED -> new WeightedRanker(List.of((float) options.denseWeight(), (float) (1 - options.denseWeight())));
            case MINMAX -> throw new IllegalStateException("min-max fusion is computed by MinMaxFusion, not by Milvus");
        };
    }

    private List<BaseVector> dense(String query) {
        return List.of(new FloatVec(options.queryInstruction() ? embedder.embedQuery(query)
                : embedder.embedPassages(List.of(query)).get(0)));
    }

    private static List<BaseVector> sparse(String query) {
        return List.of(new EmbeddedText(query));
    }

    private <T> T call(SearchMode mode, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IngestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreErrors.unavailable(null,
                    mode.name().toLowerCase(java.util.Locale.ROOT) + " search in collection " + collection, e);
        }
    }
}
