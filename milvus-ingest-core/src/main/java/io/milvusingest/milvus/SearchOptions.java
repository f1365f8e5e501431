package io.milvusingest.milvus;

/**
 * How {@link HybridSearcher} ranks and embeds queries ({@code search.*} keys).
 *
 * @param fusion           how a hybrid search merges its dense and BM25 result lists ({@code search.ranker})
 * @param denseWeight      with {@link Fusion#MINMAX} and {@link Fusion#WEIGHTED}, the dense list's weight in [0, 1];
 *                         BM25 gets {@code 1 - denseWeight} ({@code search.dense-weight}); unused with RRF
 * @param queryInstruction whether queries are embedded as queries ({@link io.milvusingest.embed.Embedder#embedQuery},
 *                         e.g. with bge's retrieval instruction) rather than as passages ({@code search.query-instruction})
 * @param candidates       with {@link Fusion#MINMAX}, hits fetched from each of the dense and BM25 searches and
 *                         normalized together, 1..{@value HybridSearcher#MAX_TOP_K} ({@code search.candidates}); a
 *                         search asking for more hits fetches that many. Deeper lists give each query's minimum a
 *                         steadier floor; unused by the other fusions
 */
public record SearchOptions(Fusion fusion, double denseWeight, boolean queryInstruction, int candidates) {

    /** Min-max fusion of 50 candidates per route with equal weights, the query instruction on. */
    public static final SearchOptions DEFAULTS = new SearchOptions(Fusion.MINMAX, 0.5, true, 50);

    public SearchOptions {
        if (fusion == null) {
            throw new IllegalArgumentException("fusion is null");
        }
        if (!(denseWeight >= 0 && denseWeight <= 1)) {
            throw new IllegalArgumentException("dense weight must be in [0, 1], got " + denseWeight);
        }
        if (candidates < 1 || candidates > HybridSearcher.MAX_TOP_K) {
            throw new IllegalArgumentException("candidates must be in 1.." + HybridSearcher.MAX_TOP_K + ", got " + candidates);
        }
    }

    /** How hybrid search fuses its two result lists. */
    public enum Fusion {
        /**
         * Convex combination of per-query min-max normalized scores, computed by {@link HybridSearcher} over
         * {@link #candidates()} hits of each list (Bruch, Gai and Ingber, ACM TOIS 2023; Weaviate's
         * {@code relativeScoreFusion}). The default: on this project's evaluation set it found the right page first
         * more often than RRF (eval/README.md).
         */
        MINMAX,
        /**
         * Reciprocal rank fusion, {@code score = Σ 1/(k + rank)} with k = 60 (Cormack, Clarke and Büttcher, SIGIR
         * 2009; Milvus' {@code RRFRanker} default; NeMo Retriever's hybrid search).
         */
        RRF,
        /**
         * Milvus' {@code WeightedRanker}: each list's scores are normalized to [0, 1] by Milvus (by metric type)
         * and summed with the weights {@code denseWeight} and {@code 1 - denseWeight}.
         */
        WEIGHTED
    }
}
