package io.milvusingest.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.milvus.SearchHit;
import io.milvusingest.milvus.SearchMode;
import io.milvusingest.model.IngestException;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|POST /api/search}: parameters {@code q} (required), {@code mode} (hybrid, dense or sparse; default
 * hybrid), {@code top_k} (1..100, default {@code search.top-k}), {@code filter} (checked by {@link FilterGuard}),
 * {@code collection} (one of {@link Collections}); in the query string or a JSON body. Answers
 * {@code {"query", "mode", "collection", "took_ms", "hits": [{score, text, source_name, source_id, page,
 * content_type, highlights: [[start, end], ...]}]}}, page 1-based (0 for a page-less source), highlights the
 * query terms' char offsets in text ({@link Highlights}). Errors: 400 bad parameter, 401 key, 413 body, 404 the
 * collection does not exist, 503 Milvus or the model failed.
 */
public final class SearchApi implements Processor {
    /** Most hits one request may ask for. */
    public static final int MAX_TOP_K = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SearchApi.class);
    private final Collections collections;
    private final ApiKeyGuard guard;
    private final long maxBodyBytes;
    private final int defaultTopK;
    private final LongConsumer latencyNanos;

    /** @param latencyNanos receives each successful search's duration, in nanoseconds (metrics) */
    public SearchApi(Collections collections, ApiKeyGuard guard, long maxBodyBytes, int defaultTopK,
                     LongConsumer latencyNanos) {
        this.collections = collections;
        this.guard = guard;
        this.maxBodyBytes = maxBodyBytes;
        this.defaultTopK = Math.min(defaultTopK, MAX_TOP_K);
        this.latencyNanos = latencyNanos;
    }

    @Override
    public void process(Exchange exchange) {
        try {
            guard.check(exchange, false);
            ObjectNode p = HttpExchanges.params(exchange, maxBodyBytes, "q", "mode", "top_k", "filter", "collection");
            String q = HttpExchanges.text(p, "q", "");
            if (q.isBlank()) {
                throw ApiError.invalid("q", "q (the question) is required");
            }
            SearchMode mode = mode(HttpExchanges.text(p, "mode", "hybrid"));
            int topK = HttpExchanges.integer(p, "top_k", defaultTopK, 1, MAX_TOP_K);
            String filter = FilterGuard.check(HttpExchanges.text(p, "filter", null));
            String collection = collections.resolve(HttpExchanges.text(p, "collection", null));
            long t0 = System.nanoTime();
            List<SearchHit> hits = searcher(collection).search(q, topK, mode, filter);
            long took = System.nanoTime() - t0;
            latencyNanos.accept(took);
            HttpExchanges.answer(exchange, 200, body(q, mode, collection, took, hits));
        } catch (ApiError e) {
            HttpExchanges.answer(exchange, e);
        } catch (IngestException e) {
            LOG.warn("search failed: {}", e.getMessage());
            HttpExchanges.answer(exchange, new ApiError(503, "server_error", null, e.kind().name(), e.getMessage()));
        }
    }

    private HybridSearcher searcher(String collection) {
        try {
            return collections.searcher(collection);
        } catch (IllegalStateException e) {
            throw new ApiError(404, "invalid_request_error", "collection", "collection_not_found", e.getMessage());
        }
    }

    private static SearchMode mode(String mode) {
        try {
            return SearchMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("mode", "mode must be hybrid, dense or sparse, not '" + mode + "'");
        }
    }

    private static ObjectNode body(String q, SearchMode mode, String collection, long tookNanos, List<SearchHit> hits) {
        ObjectNode root = HttpExchanges.JSON.createObjectNode().put("query", q)
                .put("mode", mode.name().toLowerCase(Locale.ROOT)).put("collection", collection)
                .put("took_ms", tookNanos / 1e6);
        ArrayNode out = root.putArray("hits");
        List<String> terms = Highlights.terms(q);
        for (SearchHit h : hits) {
            ObjectNode hit = out.addObject().put("score", h.score()).put("text", h.text())
                    .put("source_name", h.sourceName()).put("source_id", h.sourceId())
                    .put("document_id", DocumentIds.encode(h.sourceId())).put("page", h.page())
                    .put("content_type", h.contentType());
            ArrayNode marks = hit.putArray("highlights");
            for (int[] o : Highlights.offsets(h.text(), terms)) {
                marks.addArray().add(o[0]).add(o[1]);
            }
        }
        return root;
    }
}
