package io.milvusingest.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Request and response plumbing shared by the {@code /api/*} endpoints: parameters, size limit, JSON answers. */
final class HttpExchanges {
    static final ObjectMapper JSON = new ObjectMapper();

    private HttpExchanges() {
    }

    /**
     * The request's parameters: a POST's JSON object body, else the query string (platform-http puts each query
     * parameter in a header of its name).
     *
     * @throws ApiError 413 when the body exceeds maxBodyBytes; 400 when it is not a JSON object
     */
    static ObjectNode params(Exchange exchange, long maxBodyBytes, String... names) {
        Message m = exchange.getMessage();
        ObjectNode params = JSON.createObjectNode();
        byte[] body = m.getBody(byte[].class);
        if (body != null && body.length > maxBodyBytes) {
            throw new ApiError(413, "invalid_request_error", null, "body_too_large",
                    "the request body exceeds " + maxBodyBytes + " bytes (serve.max-body-bytes)");
        }
        if ("POST".equalsIgnoreCase(m.getHeader(Exchange.HTTP_METHOD, String.class)) && body != null
                && body.length > 0) {
            try {
                JsonNode parsed = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                if (!(parsed instanceof ObjectNode object)) {
                    throw ApiError.invalid(null, "the request body must be a JSON object");
                }
                return object;
            } catch (JsonProcessingException e) {
                throw ApiError.invalid(null, "the body is not valid JSON: " + e.getOriginalMessage());
            }
        }
        for (String name : names) {
            String v = m.getHeader(name, String.class);
            if (v != null) {
                params.put(name, v);
            }
        }
        return params;
    }

    /** Answers status with a JSON body; request headers are dropped first so none travels back. */
    static void answer(Exchange exchange, int status, Object body) {
        Message m = exchange.getMessage();
        m.removeHeaders("*", Exchange.HTTP_METHOD);
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            m.setBody(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }

    static void answer(Exchange exchange, ApiError error) {
        answer(exchange, error.status(), error.toJson(JSON));
    }

    /** @return text parameter, or def when absent */
    static String text(ObjectNode params, String name, String def) {
        JsonNode v = params.get(name);
        return v == null || v.isNull() ? def : v.asText();
    }

    /** @return integer parameter in min..max, or def when absent; @throws ApiError 400 otherwise */
    static int integer(ObjectNode params, String name, int def, int min, int max) {
        JsonNode v = params.get(name);
        if (v == null || v.isNull()) {
            return def;
        }
        try {
            int i = v.isInt() ? v.asInt() : Integer.parseInt(v.asText().strip());
            if (i < min || i > max) {
                throw ApiError.invalid(name, name + " must be in " + min + ".." + max + ", not " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name, name + " must be an integer");
        }
    }
}
