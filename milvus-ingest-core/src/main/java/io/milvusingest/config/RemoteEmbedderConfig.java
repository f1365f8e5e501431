package io.milvusingest.config;

import io.milvusingest.embed.RemoteEmbedderOptions;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;

/** Reads {@code embed.provider} and the {@code embed.remote.*} keys (see config/application.properties). */
final class RemoteEmbedderConfig {

    private RemoteEmbedderConfig() {
    }

    /**
     * @return the remote embedder's options when {@code embed.provider=openai}; null for {@code local}
     * @throws ConfigException naming the key of an invalid value
     */
    static RemoteEmbedderOptions read(ConfigSource src, BiFunction<String, String, String> string,
                                      BiFunction<String, Integer, Integer> nonNegative,
                                      BiFunction<String, Integer, Integer> positive) {
        String provider = string.apply("embed.provider", "local").strip().toLowerCase(Locale.ROOT);
        if (provider.equals("local")) {
            return null;
        }
        if (!provider.equals("openai")) {
            throw new ConfigException("embed.provider='" + provider + "' must be local or openai");
        }
        String url = string.apply("embed.remote.url", "").strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigException("embed.remote.url='" + url + "' must be an http(s) URL such as"
                    + " http://localhost:8000/v1 when embed.provider=openai");
        }
        String model = string.apply("embed.remote.model", "").strip();
        if (model.isEmpty()) {
            throw new ConfigException("embed.remote.model must be set when embed.provider=openai");
        }
        String keyVariable = string.apply("embed.remote.api-key-env", "NVIDIA_API_KEY").strip();
        String truncate = string.apply("embed.remote.truncate", "END").strip().toUpperCase(Locale.ROOT);
        if (!truncate.isEmpty() && !truncate.matches("NONE|START|END")) {
            throw new ConfigException("embed.remote.truncate='" + truncate + "' must be NONE, START, END or empty");
        }
        return new RemoteEmbedderOptions(URI.create(url), model,
                keyVariable.isEmpty() ? null : src.environment(keyVariable),
                nonNegative.apply("embed.remote.dimensions", 0), truncate.isEmpty() ? null : truncate,
                positive.apply("embed.remote.batch-size", 32),
                Duration.ofMillis(positive.apply("embed.remote.timeout-ms", 30_000)),
                nonNegative.apply("embed.remote.max-retries", 3),
                Duration.ofMillis(positive.apply("embed.remote.backoff-ms", 500)),
                positive.apply("embed.remote.max-tokens", 510));
    }
}
