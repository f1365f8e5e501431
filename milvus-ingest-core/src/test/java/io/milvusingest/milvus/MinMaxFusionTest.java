package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.milvusingest.milvus.MinMaxFusion.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinMaxFusionTest {

    private static Candidate c(long id, float score) {
        return new Candidate(id, score, Map.of(Fields.TEXT, "chunk " + id));
    }

    private static List<String> texts(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::text).toList();
    }

    @Test
    void eachListIsScaledToZeroOneForTheQueryThenWeighted() {
        // dense cosines 0.9 / 0.8 / 0.5 -> 1, 0.75, 0; BM25 12 / 3 -> 1, 0
        List<SearchHit> hits = MinMaxFusion.fuse(List.of(c(1, 0.9f), c(2, 0.8f), c(3, 0.5f)),
                List.of(c(3, 12f), c(4, 3f)), 0.5, 10);

        assertThat(texts(hits)).containsExactly("chunk 1", "chunk 3", "chunk 2", "chunk 4");
        assertThat(hits.stream().map(h -> (double) h.score()).toList())
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-6 ? 0 : Double.compare(a, b))
                .containsExactly(0.5, 0.5, 0.375, 0.0);
    }

    @Test
    void aHitTopOfOneListAndFairInTheOtherBeatsOneTopOfOnlyOne() {
        // RRF would tie chunk 1 (dense rank 1) and chunk 2 (BM25 rank 1) at 1/61 if neither is in the other list;
        // here chunk 3, second in both, is ahead of both because its scores are close to each list's best
        List<SearchHit> hits = MinMaxFusion.fuse(List.of(c(1, 0.90f), c(3, 0.89f), c(5, 0.60f)),
                List.of(c(2, 20f), c(3, 19f), c(6, 2f)), 0.5, 3);

        assertThat(texts(hits).get(0)).isEqualTo("chunk 3");
        assertThat(hits.get(0).score()).isCloseTo((0.29f / 0.30f + 17f / 18f) / 2, within(1e-5f));
    }

    @Test
    void theWeightMovesTheRankingTowardsOneList() {
        List<Candidate> dense = List.of(c(1, 0.9f), c(2, 0.1f));
        List<Candidate> bm25 = List.of(c(2, 10f), c(1, 1f));

        assertThat(texts(MinMaxFusion.fuse(dense, bm25, 0.8, 2))).containsExactly("chunk 1", "chunk 2");
        assertThat(texts(MinMaxFusion.fuse(dense, bm25, 0.2, 2))).containsExactly("chunk 2", "chunk 1");
    }

    @Test
    void aSingleHitOrEqualScoresCountAsTheBestOfTheirListAndTheLimitIsKept() {
        List<SearchHit> hits = MinMaxFusion.fuse(List.of(c(1, 0.4f)), List.of(c(2, 5f), c(3, 5f)), 0.5, 2);

        assertThat(hits).hasSize(2).allSatisfy(h -> assertThat(h.score()).isEqualTo(0.5f));
        assertThat(texts(hits)).as("ties keep first appearance, dense list first").containsExactly("chunk 1", "chunk 2");
        assertThat(MinMaxFusion.fuse(List.of(), List.of(), 0.5, 5)).isEmpty();
    }
}
