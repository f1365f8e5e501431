package io.milvusingest.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An evaluation's figures: page- and document-level {@link Scores} of a set of {@link QuestionResult}s, as a
 * text table or as a JSON-ready map.
 *
 * @param results per question, in set order, not empty
 * @param page    scores of the page ranks
 * @param document scores of the document ranks
 */
public record EvalReport(List<QuestionResult> results, Scores page, Scores document) {

    /** @param results per question, not empty */
    public static EvalReport of(List<QuestionResult> results) {
        return new EvalReport(List.copyOf(results), Scores.of(results, QuestionResult::pageRank),
                Scores.of(results, QuestionResult::docRank));
    }

    /** @return a two-row table (page, document) of hit@1, recall@5, recall@10, MRR and nDCG@10, to 3 decimals */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-9s %6s %9s %10s %6s %8s%n",
                "level", "hit@1", "recall@5", "recall@10", "MRR", "nDCG@10"));
        row(sb, "page", page);
        row(sb, "document", document);
        return sb.toString();
    }

    private static void row(StringBuilder sb, String level, Scores s) {
        sb.append(String.format(Locale.ROOT, "%-9s %6.3f %9.3f %10.3f %6.3f %8.3f%n", level, s.hitAt1(),
                s.recallAt5(), s.recallAt10(), s.mrr(), s.ndcgAt10()));
    }

    /**
     * @return {@code {summary: {questions, page: {...}, document: {...}}, questions: [{question, source, page,
     *     page_rank, doc_rank, retrieved: [{source, page, chunk, score}]}]}}; ranks are 1-based, 0 = not retrieved
     */
    public Map<String, Object> toJson() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("questions", results.size());
        summary.put("page", page);
        summary.put("document", document);
        List<Map<String, Object>> questions = new ArrayList<>(results.size());
        for (QuestionResult r : results) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("question", r.question().question());
            q.put("source", r.question().expectedSource());
            q.put("page", r.question().expectedPage());
            q.put("page_rank", r.pageRank());
            q.put("doc_rank", r.docRank());
            q.put("retrieved", r.top());
            questions.add(q);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", summary);
        json.put("questions", questions);
        return json;
    }
}
