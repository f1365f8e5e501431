package io.milvusingest.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.milvusingest.embed.Embedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.embed.TokenizedText;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenAI's {@code POST /v1/embeddings} on the in-process model, so NeMo Retriever's retrieval code, LangChain,
 * LlamaIndex and any OpenAI client embed queries with the model the collection was built with. The answer is
 * {@code {"object": "list", "data": [{"object": "embedding", "index": i, "embedding": [floats]}], "model": m,
 * "usage": {"prompt_tokens": n, "total_tokens": n}}}: L2-normalized vectors of {@link Embedder#dimension()} floats,
 * in input order; passages embed as the ingest path embeds chunks, queries with the model's query instruction.
 * Errors answer in OpenAI's shape ({@link ApiError}): 400 bad field, 404 unknown model, 405 not POST, 500 the model
 * failed. Token counts are the model tokenizer's, without special tokens. Thread-safe.
 */
public final class EmbeddingsEndpoint implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingsEndpoint.class);
    private final Embedder embedder;
    private final ModelTokenizer tokenizer;
    private final ObjectMapper json = new ObjectMapper();

    /** @param tokenizer the tokenizer of {@code embedder}'s model, for limits, truncation and usage counts */
    public EmbeddingsEndpoint(Embedder embedder, ModelTokenizer tokenizer) {
        this.embedder = embedder;
        this.tokenizer = tokenizer;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        String body = message.getBody(String.class);
        message.removeHeaders("*"); // request headers (Authorization) must not travel back as response headers
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            if (!"POST".equalsIgnoreCase(method)) {
                throw new ApiError(405, "invalid_request_error", null, "method_not_allowed",
                        "use POST for /v1/embeddings, not " + method);
            }
            message.setBody(embed(EmbeddingsRequest.parse(parse(body), embedder.dimension())));
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        } catch (ApiError e) {
            answer(message, e);
        } catch (RuntimeException e) { // the model failed: not the caller's fault
            LOG.warn("embedding request failed: {}", e.toString());
            answer(message, new ApiError(500, "server_error", null, null, "the embedding model failed: " + e.getMessage()));
        }
    }

    private String embed(EmbeddingsRequest request) {
        if (!request.model().equals(embedder.modelName())) {
            throw new ApiError(404, "invalid_request_error", "model", "model_not_found", "the model '"
                    + request.model() + "' does not exist; this server serves '" + embedder.modelName() + "'");
        }
        String instruction = request.query() ? embedder.queryInstruction() : "";
        int limit = embedder.maxTokens() - (instruction.isEmpty() ? 0 : tokenizer.count(instruction));
        List<String> texts = new ArrayList<>(request.inputs().size());
        long tokens = 0;
        for (int i = 0; i < request.inputs().size(); i++) {
            String text = fit(request.inputs().get(i), i, limit, request.truncate());
            texts.add(text);
            tokens += tokenizer.count(text);
        }
        List<float[]> vectors = request.query() ? texts.stream().map(embedder::embedQuery).toList()
                : embedder.embedPassages(texts);
        ObjectNode root = json.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ArrayNode values = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (float v : vectors.get(i)) {
                values.add(v);
            }
        }
        root.put("model", embedder.modelName());
        root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return root.toString();
    }

    /** @return {@code text}, cut to {@code limit} tokens from the end {@code truncate} names; NONE: an error if longer */
    private String fit(String text, int index, int limit, EmbeddingsRequest.Truncate truncate) {
        TokenizedText tokens = tokenizer.tokenize(text);
        int n = tokens.size();
        if (n <= limit) {
            return text;
        }
        return switch (truncate) {
            case END -> text.substring(0, tokens.end(limit - 1));
            case START -> text.substring(tokens.start(n - limit));
            case NONE -> throw new ApiError(400, "invalid_request_error", "input", "context_length_exceeded",
                    "input " + index + " has " + n + " tokens; this model's maximum is " + limit
                            + " (send truncate END or START to cut it)");
        };
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void answer(Message message, ApiError error) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, error.status());
        message.setBody(error.toJson(json));
    }
}
