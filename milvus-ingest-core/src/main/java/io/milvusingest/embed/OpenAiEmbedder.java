package io.milvusingest.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import io.milvusingest.remote.JsonHttp;

import java.util.List;

/**
 * An {@link Embedder} calling an OpenAI-compatible {@code POST /v1/embeddings} service: NVIDIA NIM embedding
 * microservices, OpenAI, vLLM, TEI... Requests carry {@code model}, {@code input} (a batch of texts),
 * {@code encoding_format=float}, NIM's {@code input_type} ({@code passage} when ingesting, {@code query} when
 * searching) and, when set, {@code truncate} and {@code dimensions}. Vectors are L2-normalized here (NIM's already
 * are). Passages go in batches of {@code embed.batch-size}, ordered by length (characters); vectors come back in
 * input order. The HTTP side (timeouts, retries, the API key) is {@link JsonHttp}. Thread-safe.
 *
 * <p>The dimension is checked at construction with a one-text probe: a model answering with another dimension than
 * {@code embed.remote.dimensions} fails start-up with a message naming both; the collection's own dimension is
 * then checked against {@link #dimension()} by the collection manager.
 */
public final class OpenAiEmbedder implements Embedder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteEmbedderOptions options;
    private final JsonHttp http;
    private final int dimension;

    /**
     * @throws IllegalStateException when the probe fails or the model's dimension differs from the configured one
     */
    public OpenAiEmbedder(RemoteEmbedderOptions options) {
        this.options = options;
        this.http = new JsonHttp(options.baseUrl(), "embeddings", options.apiKey(), options.timeout(),
                options.maxRetries(), options.backoff(), OpenAiEmbedder::failed);
        float[] probe;
        try {
            probe = request(List.of("dimension probe"), "query").get(0);
        } catch (IngestException e) {
            throw new IllegalStateException("embedding service " + options.baseUrl() + " (model " + options.model()
                    + ") failed the start-up probe: " + e.getMessage(), e);
        }
        if (options.dimensions() > 0 && probe.length != options.dimensions()) {
            throw new IllegalStateException("embed.remote.dimensions=" + options.dimensions() + " but model "
                    + options.model() + " returns " + probe.length + "-dimensional vectors");
        }
        this.dimension = probe.length;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        // by length, as the in-process model does: services that pad a batch to its longest input (TEI, vLLM,
        // NIM) then pad little
        return LengthBatches.embedInOrder(passages.size(), i -> passages.get(i).length(), options.batchSize(),
                batch -> request(batch.stream().map(passages::get).toList(), "passage"));
    }

    @Override
    public float[] embedQuery(String query) {
        return request(List.of(query), "query").get(0);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int maxTokens() {
        return options.maxTokens();
    }

    @Override
    public String modelName() {
        return options.model();
    }

    @Override
    public int batchSize() {
        return options.batchSize();
    }

    private List<float[]> request(List<String> texts, String inputType) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", options.model());
        body.putPOJO("input", texts);
        body.put("encoding_format", "float");
        body.put("input_type", inputType);
        if (options.truncate() != null) {
            body.put("truncate", options.truncate());
        }
        if (options.dimensions() > 0) {
            body.put("dimensions", options.dimensions());
        }
        JsonNode response = http.post(body);
        return vectors(response, texts.size());
    }

    /** The {@code data[].embedding} arrays ordered by {@code data[].index}, L2-normalized. */
    private static List<float[]> vectors(JsonNode response, int expected) {
        JsonNode data = response.path("data");
        if (!data.isArray() || data.size() != expected) {
            throw failed("expected " + expected + " embeddings, got " + (data.isArray() ? data.size() : "none"));
        }
        float[][] out = new float[expected][];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            JsonNode embedding = item.path("embedding");
            if (index < 0 || index >= expected || out[index] != null || !embedding.isArray() || embedding.isEmpty()) {
                throw failed("malformed embedding response item (index " + index + ")");
            }
            float[] v = new float[embedding.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) embedding.get(i).asDouble();
            }
            out[index] = normalize(v);
        }
        return List.of(out);
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }

    static IngestException failed(String message) {
        return IngestException.of(ErrorKind.EMBEDDING_FAILED, Stage.EMBED, message).build();
    }
}
