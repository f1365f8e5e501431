package io.milvusingest.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankMetricsTest {

    @Test
    void hitAtKCountsRanksWithinTheCutOff() {
        assertThat(RankMetrics.hitAt(1, 1)).isEqualTo(1.0);
        assertThat(RankMetrics.hitAt(2, 1)).isEqualTo(0.0);
        assertThat(RankMetrics.hitAt(5, 5)).isEqualTo(1.0);
        assertThat(RankMetrics.hitAt(6, 5)).isEqualTo(0.0);
        assertThat(RankMetrics.hitAt(0, 10)).isEqualTo(0.0);
    }

    @Test
    void reciprocalRankIsOneOverRankAndZeroWhenMissing() {
        assertThat(RankMetrics.reciprocalRank(1)).isEqualTo(1.0);
        assertThat(RankMetrics.reciprocalRank(4)).isEqualTo(0.25);
        assertThat(RankMetrics.reciprocalRank(0)).isEqualTo(0.0);
    }

    @Test
    void ndcgUsesTheLog2Discount() {
        assertThat(RankMetrics.ndcgAt(1, 10)).isEqualTo(1.0);
        assertThat(RankMetrics.ndcgAt(3, 10)).isEqualTo(0.5, within(1e-12)); // 1 / log2(4)
        assertThat(RankMetrics.ndcgAt(7, 10)).isEqualTo(1.0 / 3.0, within(1e-12)); // 1 / log2(8)
        assertThat(RankMetrics.ndcgAt(2, 10)).isEqualTo(0.6309297535714574, within(1e-12)); // 1 / log2(3)
        assertThat(RankMetrics.ndcgAt(11, 10)).isEqualTo(0.0);
        assertThat(RankMetrics.ndcgAt(0, 10)).isEqualTo(0.0);
    }

    @Test
    void refusesNegativeRanksAndCutOffsBelowOne() {
        assertThatThrownBy(() -> RankMetrics.hitAt(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankMetrics.ndcgAt(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoresAreMeansOverQuestions() {
        // ranks 1, 3, 7, not retrieved: hit@1 1/4; recall@5 2/4; recall@10 3/4;
        // MRR (1 + 1/3 + 1/7 + 0) / 4 = 31/84; nDCG@10 (1 + 1/2 + 1/3 + 0) / 4 = 11/24
        Scores s = Scores.of(List.of(1, 3, 7, 0), Integer::intValue);
        assertThat(s.hitAt1()).isEqualTo(0.25);
        assertThat(s.recallAt5()).isEqualTo(0.5);
        assertThat(s.recallAt10()).isEqualTo(0.75);
        assertThat(s.mrr()).isEqualTo(31.0 / 84.0, within(1e-12));
        assertThat(s.ndcgAt10()).isEqualTo(11.0 / 24.0, within(1e-12));
    }

    @Test
    void scoringNothingIsAnError() {
        assertThatThrownBy(() -> Scores.of(List.<Integer>of(), Integer::intValue))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
