package io.milvusingest.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.milvus.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    /** @param page 1-based; stored 0-based, as the writer stores it (NeMo Retriever's convention) */
    private static SearchHit hit(String id, int page) {
        return new SearchHit(1f, "text", id, id, page - 1, "text", 0);
    }

    @Test
    void pageRankIsTheFirstHitOnTheExpectedPageOfTheExpectedDocument() {
        EvalQuestion q = new EvalQuestion("how?", "guide.pdf", 4);
        List<SearchHit> hits = List.of(hit("/d/other.pdf", 4), hit("/d/guide.pdf", 9), hit("/d/guide.pdf", 4),
                hit("/d/guide.pdf", 4));
        QuestionResult r = Evaluator.rank(q, hits);
        assertThat(r.pageRank()).isEqualTo(3);
        assertThat(r.docRank()).isEqualTo(2);
        assertThat(r.top()).extracting(QuestionResult.Retrieved::source)
                .containsExactly("other.pdf", "guide.pdf", "guide.pdf", "guide.pdf");
    }

    @Test
    void missingAnswersRankZero() {
        QuestionResult r = Evaluator.rank(new EvalQuestion("how?", "guide", 4), List.of(hit("/d/other.pdf", 4)));
        assertThat(r.pageRank()).isZero();
        assertThat(r.docRank()).isZero();
    }

    @Test
    void expectedSourceMatchesNameStemOrId() {
        assertThat(new EvalQuestion("q", "guide.pdf", 1).isExpectedSource("/d/guide.pdf", "guide.pdf")).isTrue();
        assertThat(new EvalQuestion("q", "guide", 1).isExpectedSource("/d/guide.pdf", "guide.pdf")).isTrue();
        assertThat(new EvalQuestion("q", "/d/guide.pdf", 1).isExpectedSource("/d/guide.pdf", null)).isTrue();
        assertThat(new EvalQuestion("q", "guide", 1).isExpectedSource("s3://b/guide.pdf", null)).isTrue();
        assertThat(new EvalQuestion("q", "guide", 1).isExpectedSource("/d/guide-2.pdf", "guide-2.pdf")).isFalse();
        assertThat(new EvalQuestion("q", "Guide", 1).isExpectedSource("/d/guide.pdf", "guide.pdf")).isFalse();
    }

    @Test
    void runAsksEachQuestionWithTopK() {
        List<String> asked = new java.util.ArrayList<>();
        Evaluator e = new Evaluator((question, topK) -> {
            asked.add(question + "@" + topK);
            return question.equals("a") ? List.of(hit("/d/x.pdf", 1)) : List.of();
        }, 10);
        List<QuestionResult> results = e.run(List.of(new EvalQuestion("a", "x", 1), new EvalQuestion("b", "x", 1)));
        assertThat(asked).containsExactly("a@10", "b@10");
        assertThat(results).extracting(QuestionResult::pageRank).containsExactly(1, 0);
    }
}
