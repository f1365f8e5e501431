package io.milvusingest.config;

import java.net.URI;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * Captioning settings ({@code caption.*}), read only when {@code caption.enabled=true}.
 *
 * @param baseUrl    OpenAI-compatible base URL ending in /v1; requests go to {@code chat/completions}
 * @param model      vision-language model name
 * @param apiKey     bearer token from the environment variable named by {@code caption.api-key-env}, or null
 * @param prompt     the instruction sent with each image
 * @param maxTokens  longest caption, in model tokens
 * @param timeout    per-request timeout
 * @param maxRetries retries after 429, 5xx or I/O errors (backoff from 500 ms, doubling)
 */
public record CaptionConfig(URI baseUrl, String model, String apiKey, String prompt, int maxTokens, Duration timeout,
                            int maxRetries) {

    @Override
    public String toString() { // never the key
        return "CaptionConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "***") + "]";
    }

    /** @return the settings, or null when {@code caption.enabled} is false */
    static CaptionConfig read(ConfigSource src, boolean enabled, BiFunction<String, String, String> string,
                              BiFunction<String, Integer, Integer> positive,
                              BiFunction<String, Integer, Integer> nonNegative) {
        if (!enabled) {
            return null;
        }
        String url = string.apply("caption.url", "").strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigException("caption.url='" + url + "' must be an http(s) URL such as"
                    + " http://localhost:8000/v1 when caption.enabled=true");
        }
        String model = string.apply("caption.model", "").strip();
        if (model.isEmpty()) {
            throw new ConfigException("caption.model must be set when caption.enabled=true");
        }
        String keyVariable = string.apply("caption.api-key-env", "NVIDIA_API_KEY").strip();
        return new CaptionConfig(URI.create(url), model, keyVariable.isEmpty() ? null : src.environment(keyVariable),
                string.apply("caption.prompt", "Caption the content of this image:"),
                positive.apply("caption.max-tokens", 512), Duration.ofMillis(positive.apply("caption.timeout-ms", 60_000)),
                nonNegative.apply("caption.max-retries", 3));
    }
}
