package io.milvusingest.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.milvusingest.remote.StubJsonServer;
import java.io.IOException;

/**
 * A STUB of an OpenAI-compatible embedding service (not a real model) at {@code http://127.0.0.1:{port}/v1/embeddings}:
 * answers each input with a deterministic, unnormalized vector of {@code dimension} floats derived from the text's
 * hash; requests are recorded and failures queued as {@link StubJsonServer} does.
 */
public final class StubEmbeddingServer extends StubJsonServer {
    private final int dimension;

    public StubEmbeddingServer(int dimension) throws IOException {
        super("/v1/embeddings");
        this.dimension = dimension;
    }

    @Override
    protected String answer(JsonNode body) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode data = response.putArray("data");
        JsonNode input = body.path("input");
        for (int i = input.size() - 1; i >= 0; i--) { // reversed: clients must order by index
            ObjectNode item = data.addObject();
            item.put("index", i);
            ArrayNode embedding = item.putArray("embedding");
            int h = input.get(i).asText().hashCode();
            for (int d = 0; d < dimension; d++) {
                embedding.add(((h >> (d % 32)) & 1) == 1 ? 3.0 : 1.0 + d);
            }
        }
        response.put("model", body.path("model").asText());
        return response.toString();
    }
}
