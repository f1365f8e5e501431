package io.milvusingest.rerank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.milvusingest.remote.StubJsonServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A STUB of NVIDIA NIM's reranking API (not a real model) at {@code http://127.0.0.1:{port}/v1/ranking}. Its
 * "relevance" is a fixed rule: a passage's logit is the number of times the lower-cased query text occurs in the
 * lower-cased passage, minus the passage's index / 1000 (so ties keep input order). It answers best first as NIM
 * does; requests are recorded and failures queued as {@link StubJsonServer} does, {@link #MALFORMED} included.
 */
public final class StubRankingServer extends StubJsonServer {
    /** For {@link #failNext(int...)}: answer with status 200 and a malformed ranking (one index twice). */
    public static final int MALFORMED = -1;

    public StubRankingServer() throws IOException {
        super("/v1/ranking");
    }

    @Override
    protected String malformed(int code) {
        return "{\"rankings\":[{\"index\":0,\"logit\":1.0},{\"index\":0,\"logit\":0.5}]}";
    }

    @Override
    protected String answer(JsonNode body) {
        String query = body.path("query").path("text").asText().toLowerCase(Locale.ROOT);
        JsonNode passages = body.path("passages");
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            String text = passages.get(i).path("text").asText().toLowerCase(Locale.ROOT);
            scored.add(new double[] {i, occurrences(text, query) - i / 1000.0});
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> s[1]).reversed());
        ObjectNode response = JSON.createObjectNode();
        ArrayNode rankings = response.putArray("rankings");
        for (double[] s : scored) {
            rankings.addObject().put("index", (int) s[0]).put("logit", s[1]);
        }
        return response.toString();
    }

    private static int occurrences(String text, String query) {
        int n = 0;
        for (int at = query.isEmpty() ? -1 : text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
            n++;
        }
        return n;
    }
}
