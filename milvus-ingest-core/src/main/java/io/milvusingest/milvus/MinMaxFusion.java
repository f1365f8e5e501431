package io.milvusingest.milvus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses a dense and a BM25 result list by a convex combination of min-max normalized scores:
 * {@code score = w · mm(dense) + (1 - w) · mm(bm25)}, where {@code mm(s) = (s - min) / (max - min)} over that list's
 * candidates of this query, and a candidate missing from a list scores 0 there. Bruch, Gai and Ingber, "An Analysis
 * of Fusion Functions for Hybrid Retrieval" (ACM TOIS 42(1), 2023) found this convex combination better than RRF in
 * and out of domain; Weaviate's {@code relativeScoreFusion} works the same way. It is computed here, not by Milvus,
 * because Milvus' {@code WeightedRanker} normalizes differently per deployment (arctan by metric type on a server,
 * per-query min-max on Milvus Lite), so one collection would rank differently on each.
 */
final class MinMaxFusion {

    /** One hit of one list; {@code score} higher is better (cosine similarity, BM25 score). */
    record Candidate(Object id, float score, Map<String, Object> entity) {
    }

    private MinMaxFusion() {
    }

    /**
     * @param dense       the dense list, best first
     * @param bm25        the BM25 list, best first
     * @param denseWeight w in [0, 1]; BM25 gets 1 - w
     * @param limit       hits to return, at least 1
     * @return up to {@code limit} hits by fused score in [0, 1], best first; equal scores keep the order in which
     *         the candidates first appear (dense list first)
     */
    static List<SearchHit> fuse(List<Candidate> dense, List<Candidate> bm25, double denseWeight, int limit) {
        Map<Object, Fused> byId = new LinkedHashMap<>();
        add(byId, dense, denseWeight);
        add(byId, bm25, 1 - denseWeight);
        List<Fused> ordered = new ArrayList<>(byId.values());
        ordered.sort(Comparator.comparingDouble((Fused f) -> f.score).reversed()); // stable: ties keep first appearance
        return ordered.stream().limit(limit).map(f -> SearchHit.of((float) f.score, f.entity)).toList();
    }

    private static void add(Map<Object, Fused> byId, List<Candidate> list, double weight) {
        if (list.isEmpty()) {
            return;
        }
        double max = list.stream().mapToDouble(Candidate::score).max().orElseThrow();
        double min = list.stream().mapToDouble(Candidate::score).min().orElseThrow();
        for (Candidate c : list) {
            // one candidate, or all equal: each is the best of its list
            double normalized = max > min ? (c.score() - min) / (max - min) : 1.0;
            byId.computeIfAbsent(c.id(), id -> new Fused(c.entity())).score += weight * normalized;
        }
    }

    private static final class Fused {
        final Map<String, Object> entity;
        double score;

        Fused(Map<String, Object> entity) {
            this.entity = entity;
        }
    }
}
