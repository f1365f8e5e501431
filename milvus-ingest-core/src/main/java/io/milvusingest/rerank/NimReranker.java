package io.milvusingest.rerank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.milvusingest.milvus.Reranker;
import io.milvusingest.milvus.SearchHit;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import io.milvusingest.remote.JsonHttp;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Reranker} calling NVIDIA NIM's reranking API (NeMo Retriever Reranking NIM, build.nvidia.com):
 * {@code POST {baseUrl}/ranking} with {@code {"model", "query": {"text"}, "passages": [{"text"}, ...],
 * "truncate": "END"}}, answered by {@code {"rankings": [{"index", "logit"}, ...]}}, one entry per passage, best
 * first. {@code truncate=END} cuts a passage longer than the model's input limit instead of failing the request.
 * Each hit's score becomes its logit (unbounded; higher is more relevant). The HTTP side (timeout, retries on
 * 429/5xx, the API key) is {@link JsonHttp}. Thread-safe.
 */
public final class NimReranker implements Reranker {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String model;
    private final JsonHttp http;

    public NimReranker(RemoteRerankerOptions options) {
        this.model = options.model();
        this.http = new JsonHttp(options.baseUrl(), "ranking", options.apiKey(), options.timeout(),
                options.maxRetries(), options.backoff(), NimReranker::failed);
    }

    /** @throws IngestException RERANK_FAILED/SEARCH: refused, unreachable after the retries, or a malformed answer */
    @Override
    public List<SearchHit> rerank(String query, List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return hits;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.putObject("query").put("text", query);
        ArrayNode passages = body.putArray("passages");
        for (SearchHit hit : hits) {
            passages.addObject().put("text", hit.text() == null ? "" : hit.text());
        }
        body.put("truncate", "END");
        return ordered(http.post(body), hits);
    }

    /** The hits in the order of {@code rankings}, scored by logit; every hit exactly once. */
    private static List<SearchHit> ordered(JsonNode response, List<SearchHit> hits) {
        JsonNode rankings = response.path("rankings");
        if (!rankings.isArray() || rankings.size() != hits.size()) {
            throw failed("expected " + hits.size() + " rankings, got " + (rankings.isArray() ? rankings.size() : "none"));
        }
        boolean[] seen = new boolean[hits.size()];
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (JsonNode ranking : rankings) {
            int index = ranking.path("index").asInt(-1);
            JsonNode logit = ranking.path("logit");
            if (index < 0 || index >= hits.size() || seen[index] || !logit.isNumber()) {
                throw failed("malformed ranking (index " + ranking.path("index") + ", logit " + logit + ")");
            }
            seen[index] = true;
            out.add(hits.get(index).withScore((float) logit.asDouble()));
        }
        // NIM answers best first; sort anyway so a service that keeps input order is read correctly (stable)
        out.sort((a, b) -> Float.compare(b.score(), a.score()));
        return List.copyOf(out);
    }

    static IngestException failed(String message) {
        return IngestException.of(ErrorKind.RERANK_FAILED, Stage.SEARCH, "reranking failed: " + message).build();
    }
}
