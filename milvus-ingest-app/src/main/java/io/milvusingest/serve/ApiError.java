package io.milvusingest.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An HTTP error answered in OpenAI's error shape:
 * {@code {"error": {"message": "...", "type": "invalid_request_error", "param": "input", "code": null}}}
 * (https://platform.openai.com/docs/guides/error-codes), which OpenAI clients turn into their own exceptions.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String type;
    private final String param;
    private final String code;

    /**
     * @param status HTTP status, e.g. 400
     * @param type   OpenAI's error type: {@code invalid_request_error} (4xx) or {@code server_error} (5xx)
     * @param param  the request field at fault, or null
     * @param code   a machine-readable code (e.g. {@code model_not_found}), or null
     */
    public ApiError(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** @return a 400 {@code invalid_request_error} about {@code param} */
    public static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request_error", param, null, message);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error JSON */
    public String toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", getMessage());
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return root.toString();
    }
}
