package io.milvusingest.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated {@code POST /v1/embeddings} body: OpenAI's fields plus NVIDIA NIM's {@code input_type} and
 * {@code truncate} (https://platform.openai.com/docs/api-reference/embeddings/create,
 * https://docs.nvidia.com/nim/nemo-retriever/text-embedding/latest/reference.html).
 *
 * @param inputs   the texts, 1..{@value #MAX_INPUTS}, none empty ({@code input}: a string or an array of strings)
 * @param model    the requested model ({@code model}, required)
 * @param query    {@code input_type} is {@code query} (embedded with the model's query instruction); default
 *                 {@code passage}
 * @param truncate {@code truncate}: {@code NONE} (default: too long an input is an error), {@code END} or
 *                 {@code START} (the tokens cut from that end)
 */
public record EmbeddingsRequest(List<String> inputs, String model, boolean query, Truncate truncate) {
    /** Most inputs in one request, as OpenAI's API. */
    public static final int MAX_INPUTS = 2048;

    /** Which end of too long an input is cut. */
    public enum Truncate { NONE, START, END }

    /**
     * @param body      the parsed request body
     * @param dimension the served model's vector size (an OpenAI {@code dimensions} field must equal it)
     * @throws ApiError 400 for a missing or malformed field, naming it in {@code param}
     */
    public static EmbeddingsRequest parse(JsonNode body, int dimension) {
        if (body == null || !body.isObject()) {
            throw ApiError.invalid(null, "the request body must be a JSON object");
        }
        String model = text(body, "model", null);
        if (model == null) {
            throw ApiError.invalid("model", "you must provide a model parameter");
        }
        String type = text(body, "input_type", "passage").toLowerCase(Locale.ROOT);
        if (!type.equals("passage") && !type.equals("query")) {
            throw ApiError.invalid("input_type", "input_type must be 'query' or 'passage', not '" + type + "'");
        }
        String format = text(body, "encoding_format", "float");
        if (!format.equals("float")) {
            throw ApiError.invalid("encoding_format", "only encoding_format 'float' is supported, not '" + format + "'");
        }
        JsonNode dims = body.get("dimensions");
        if (dims != null && !dims.isNull() && (!dims.canConvertToInt() || dims.asInt() != dimension)) {
            throw ApiError.invalid("dimensions", "this model gives " + dimension + " dimensions only");
        }
        Truncate truncate;
        try {
            truncate = Truncate.valueOf(text(body, "truncate", "NONE").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("truncate", "truncate must be NONE, START or END");
        }
        return new EmbeddingsRequest(inputs(body.get("input")), model, type.equals("query"), truncate);
    }

    private static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw ApiError.invalid("input", "you must provide an input parameter");
        }
        List<JsonNode> items = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(items::add);
        } else {
            items.add(input);
        }
        if (items.isEmpty() || items.size() > MAX_INPUTS) {
            throw ApiError.invalid("input", "input must hold 1 to " + MAX_INPUTS + " strings, not " + items.size());
        }
        List<String> texts = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (!item.isTextual()) {
                throw ApiError.invalid("input", "input must be a string or an array of strings (token arrays are "
                        + "not supported)");
            }
            if (item.asText().isEmpty()) {
                throw ApiError.invalid("input", "input strings must not be empty");
            }
            texts.add(item.asText());
        }
        return texts;
    }

    private static String text(JsonNode body, String field, String def) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isTextual()) {
            throw ApiError.invalid(field, field + " must be a string");
        }
        return v.asText();
    }
}
