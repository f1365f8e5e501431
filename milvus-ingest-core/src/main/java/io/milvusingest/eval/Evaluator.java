package io.milvusingest.eval;

import io.milvusingest.milvus.SearchHit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each question through a search and records where its answer ranks: the first hit on the expected page of
 * the expected document (page level) and the first hit from the expected document (document level). Hits are
 * chunks, ranked as the search returns them, as NeMo Retriever's recall harness ranks them.
 */
public final class Evaluator {

    /** A search: the question and how many hits to return, to hits best first. */
    @FunctionalInterface
    public interface Search {
        List<SearchHit> search(String question, int topK);
    }

    private final Search search;
    private final int topK;

    /**
     * @param search the search to evaluate
     * @param topK   hits fetched per question, at least 1; recall@10 and nDCG@10 need at least 10
     */
    public Evaluator(Search search, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        this.search = search;
        this.topK = topK;
    }

    /**
     * @param questions the question set, not empty
     * @return one result per question, in input order
     * @throws io.milvusingest.model.IngestException as the search throws it (e.g. STORE_UNAVAILABLE)
     */
    public List<QuestionResult> run(List<EvalQuestion> questions) {
        List<QuestionResult> results = new ArrayList<>(questions.size());
        for (EvalQuestion q : questions) {
            results.add(rank(q, search.search(q.question(), topK)));
        }
        return results;
    }

    /** @return the question's page and document ranks in the given hits (best first) */
    public static QuestionResult rank(EvalQuestion q, List<SearchHit> hits) {
        int pageRank = 0;
        int docRank = 0;
        List<QuestionResult.Retrieved> top = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            top.add(new QuestionResult.Retrieved(EvalQuestion.fileName(h.sourceName() != null ? h.sourceName()
                    : h.sourceId()), h.page(), h.chunkIndex(), h.score()));
            if (q.isExpectedSource(h.sourceId(), h.sourceName())) {
                docRank = docRank == 0 ? i + 1 : docRank;
                if (pageRank == 0 && PageNumbers.samePage(q.expectedPage(), h.pageNumber())) {
                    pageRank = i + 1;
                }
            }
        }
        return new QuestionResult(q, pageRank, docRank, List.copyOf(top));
    }
}
