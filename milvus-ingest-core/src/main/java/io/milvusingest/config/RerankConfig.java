package io.milvusingest.config;

import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.rerank.RemoteRerankerOptions;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Reads {@code search.rerank} and the {@code search.rerank.*} keys (see config/application.properties). */
final class RerankConfig {

    private RerankConfig() {
    }

    /**
     * @return the reranking service's options when {@code search.rerank=remote}; null for {@code none}
     * @throws ConfigException naming the key of an invalid value
     */
    static RemoteRerankerOptions read(ConfigSource src, IngestConfig.Keys k) {
        if (k.choice("search.rerank", "none", List.of("none", "remote")).equals("none")) {
            return null;
        }
        String url = k.string("search.rerank.url", "").strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigException("search.rerank.url='" + url + "' must be an http(s) URL such as"
                    + " http://localhost:8000/v1 when search.rerank=remote");
        }
        String model = k.string("search.rerank.model", "").strip();
        if (model.isEmpty()) {
            throw new ConfigException("search.rerank.model must be set when search.rerank=remote");
        }
        String keyVariable = k.string("search.rerank.api-key-env", "NVIDIA_API_KEY").strip();
        return new RemoteRerankerOptions(URI.create(url), model,
                keyVariable.isEmpty() ? null : src.environment(keyVariable),
                k.range("search.rerank.top-n", 20, 1, HybridSearcher.MAX_TOP_K),
                Duration.ofMillis(k.positive("search.rerank.timeout-ms", 30_000)),
                k.nonNegative("search.rerank.max-retries", 3), RemoteRerankerOptions.BACKOFF);
    }
}
