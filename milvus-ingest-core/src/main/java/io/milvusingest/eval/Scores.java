package io.milvusingest.eval;

import java.util.Collection;
import java.util.function.ToIntFunction;

/**
 * Mean ranking metrics of a question set at one level (page or document); each in [0, 1], see
 * {@link RankMetrics} for the definitions and their sources.
 *
 * @param hitAt1    share of questions whose first hit is the relevant item
 * @param recallAt5 share whose relevant item is within the first 5 hits
 * @param recallAt10 share whose relevant item is within the first 10 hits (the search must return at least 10)
 * @param mrr       mean reciprocal rank
 * @param ndcgAt10  mean nDCG@10
 */
public record Scores(double hitAt1, double recallAt5, double recallAt10, double mrr, double ndcgAt10) {

    /**
     * @param results the per-question results, not empty
     * @param rank    which rank to score, e.g. {@link QuestionResult#pageRank()}
     * @return the means over the results
     */
    public static <T> Scores of(Collection<T> results, ToIntFunction<T> rank) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to score");
        }
        double h1 = 0, r5 = 0, r10 = 0, rr = 0, nd = 0;
        for (T result : results) {
            int r = rank.applyAsInt(result);
            h1 += RankMetrics.hitAt(r, 1);
            r5 += RankMetrics.hitAt(r, 5);
            r10 += RankMetrics.hitAt(r, 10);
            rr += RankMetrics.reciprocalRank(r);
            nd += RankMetrics.ndcgAt(r, 10);
        }
        int n = results.size();
        return new Scores(h1 / n, r5 / n, r10 / n, rr / n, nd / n);
    }
}
