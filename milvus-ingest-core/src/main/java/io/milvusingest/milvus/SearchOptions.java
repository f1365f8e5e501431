package io.milvusingest.milvus;

/**
 * How {@link HybridSearcher} ranks and embeds queries ({@code search.*} keys).
 *
 * @param fusion           how a hybrid search merges its dense and BM25 result lists ({@code search.ranker})
 * @param denseWeight      with {@link Fusion#WEIGHTED}, the dense list's weight in [0, 1]; BM25 gets
 *                         {@code 1 - denseWeight} ({@code search.dense-weight}); unused with RRF
 * @param queryInstruction whether queries are embedded as queries ({@link io.milvusingest.embed.Embedder#embedQuery},
 *                         e.g. with bge's retrieval instruction) rather than as passages ({@code search.query-instruction})
 */
public record SearchOptions(Fusion fusion, double denseWeight, boolean queryInstruction) {

    /** RRF, the weight unused (0.5), the query instruction on. */
    public static final SearchOptions DEFAULTS = new SearchOptions(Fusion.RRF, 0.5, true);

    public SearchOptions {
        if (fusion == null) {
            throw new IllegalArgumentException("fusion is null");
        }
        if (!(denseWeight >= 0 && denseWeight <= 1)) {
            throw new IllegalArgumentException("dense weight must be in [0, 1], got " + denseWeight);
        }
    }

    /** How hybrid search fuses its two result lists. */
    public enum Fusion {
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
