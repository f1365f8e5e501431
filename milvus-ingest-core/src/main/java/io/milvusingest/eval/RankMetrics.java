package io.milvusingest.eval;

/**
 * Ranking metrics for a question with one relevant item (the answer page, or the answer document), as functions
 * of the rank of the first retrieved hit that is that item. Ranks are 1-based positions in the hit list the
 * search returned; 0 means the item is not in the list. Each metric is 0 or positive and at most 1; a set's
 * figure is the mean over its questions.
 *
 * <p>Sources: recall@k as NeMo Retriever's recall harness computes it ({@code expected in retrieved[:k]},
 * nv-ingest {@code tools/harness/src/nv_ingest_harness/utils/recall.py}, {@code get_recall_scores} for pages and
 * {@code get_recall_scores_pdf_only} for documents), so with one relevant item recall@k is the hit rate at k;
 * reciprocal rank as in the TREC-8 question answering track (Voorhees, 1999), 0 when the item is not retrieved;
 * nDCG@k with binary gains and the {@code 1 / log2(rank + 1)} discount of Järvelin and Kekäläinen (2002, ACM
 * TOIS 20(4)) as trec_eval and BEIR compute it. The relevant item is counted once: further hits from the same
 * page or document add no gain (trec_eval counts a document once), so the ideal DCG is 1.
 */
public final class RankMetrics {
    private RankMetrics() {
    }

    /**
     * @param rank 1-based rank of the relevant item, 0 if not retrieved
     * @param k    cut-off, at least 1
     * @return 1 when the item is within the first k hits, else 0 (hit@k; with one relevant item also recall@k)
     */
    public static double hitAt(int rank, int k) {
        check(rank, k);
        return rank >= 1 && rank <= k ? 1.0 : 0.0;
    }

    /**
     * @param rank 1-based rank of the relevant item, 0 if not retrieved
     * @return {@code 1 / rank}, 0 when not retrieved (its mean over questions is the MRR)
     */
    public static double reciprocalRank(int rank) {
        check(rank, 1);
        return rank == 0 ? 0.0 : 1.0 / rank;
    }

    /**
     * @param rank 1-based rank of the relevant item, 0 if not retrieved
     * @param k    cut-off, at least 1
     * @return {@code 1 / log2(rank + 1)} when rank is within k, else 0: DCG@k over the ideal DCG (1)
     */
    public static double ndcgAt(int rank, int k) {
        check(rank, k);
        return rank >= 1 && rank <= k ? Math.log(2) / Math.log(rank + 1.0) : 0.0;
    }

    private static void check(int rank, int k) {
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be >= 0 (0 = not retrieved), got " + rank);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }
}
