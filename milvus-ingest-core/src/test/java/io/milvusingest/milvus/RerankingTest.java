package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How {@link HybridSearcher} applies a reranker to its candidates. */
class RerankingTest {
    private static final Reranker REVERSE = (query, hits) -> {
        List<SearchHit> reversed = new ArrayList<>(hits);
        Collections.reverse(reversed);
        return IntStream.range(0, reversed.size()).mapToObj(i -> reversed.get(i).withScore(-i)).toList();
    };

    private static List<SearchHit> hits(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(p -> new SearchHit(1f / p, "t" + p, "d", "d", p, "text", 0)).toList();
    }

    @Test
    void should_fetch_top_k_without_reranker_and_at_least_top_n_with_one() {
        assertThat(Reranking.NONE.candidates(5)).isEqualTo(5);
        assertThat(new Reranking(REVERSE, 20).candidates(5)).isEqualTo(20);
        assertThat(new Reranking(REVERSE, 20).candidates(50)).isEqualTo(50);
    }

    @Test
    void should_rerank_every_candidate_and_keep_the_best_top_k() {
        List<SearchHit> out = new Reranking(REVERSE, 20).apply("q", hits(20), 5);

        assertThat(out).extracting(SearchHit::pageNumber).containsExactly(20, 19, 18, 17, 16);
        assertThat(out).extracting(SearchHit::score).containsExactly(0f, -1f, -2f, -3f, -4f);
    }

    @Test
    void should_leave_the_retrieval_order_without_reranker() {
        assertThat(Reranking.NONE.apply("q", hits(3), 5)).isEqualTo(hits(3));
        assertThat(Reranking.NONE.apply("q", hits(8), 5)).isEqualTo(hits(5));
    }

    @Test
    void should_refuse_a_top_n_out_of_range() {
        assertThatThrownBy(() -> new Reranking(REVERSE, 0)).hasMessageContaining("1..16384, got 0");
    }
}
