package io.milvusingest.milvus;

import java.util.List;

/**
 * How {@link HybridSearcher} applies a {@link Reranker}: it fetches {@link #candidates(int)} hits, at least
 * {@code topN}, lets the reranker order all of them and keeps the best {@code topK}. Reranking more candidates
 * than the hits asked for lets a relevant hit ranked below topK by the retrieval come back up; each candidate
 * costs one query-passage pair of the reranking model.
 *
 * @param reranker the second-stage model, {@link Reranker#NONE} for none
 * @param topN     candidates reranked per search when the caller asks for fewer hits, 1..{@value HybridSearcher#MAX_TOP_K}
 *                 ({@code search.rerank.top-n})
 */
public record Reranking(Reranker reranker, int topN) {

    /** No reranking: the retrieval's topK hits as they come. */
    public static final Reranking NONE = new Reranking(Reranker.NONE, 1);

    public Reranking {
        if (reranker == null) {
            throw new IllegalArgumentException("reranker is null");
        }
        if (topN < 1 || topN > HybridSearcher.MAX_TOP_K) {
            throw new IllegalArgumentException("rerank top-n must be in 1.." + HybridSearcher.MAX_TOP_K + ", got " + topN);
        }
    }

    /** @return hits to fetch from Milvus for a search asking for {@code topK}: topK, or at least topN when reranking */
    int candidates(int topK) {
        return reranker == Reranker.NONE ? topK : Math.max(topK, topN);
    }

    /** @return the candidates reordered by the reranker, at most topK of them */
    List<SearchHit> apply(String query, List<SearchHit> candidates, int topK) {
        if (reranker == Reranker.NONE || candidates.isEmpty()) {
            return candidates.size() <= topK ? candidates : candidates.subList(0, topK);
        }
        List<SearchHit> ordered = reranker.rerank(query, candidates);
        return ordered.size() <= topK ? ordered : List.copyOf(ordered.subList(0, topK));
    }
}
