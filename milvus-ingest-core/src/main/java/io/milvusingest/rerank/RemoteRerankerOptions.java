package io.milvusingest.rerank;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of {@link NimReranker} (keys {@code search.rerank.*}).
 *
 * @param baseUrl    service base URL ending in {@code /v1}; requests go to {@code {baseUrl}/ranking}
 * @param model      model name, e.g. NVIDIA NIM's {@code nvidia/llama-3.2-nv-rerankqa-1b-v2}
 * @param apiKey     bearer token, or null for none; read from the environment variable named by
 *                   {@code search.rerank.api-key-env}, never logged or put in messages
 * @param topN       candidates reranked per search, at least the hits asked for ({@code search.rerank.top-n})
 * @param timeout    per-request timeout ({@code search.rerank.timeout-ms})
 * @param maxRetries retries after a 429, a 5xx or an I/O error, with exponential backoff
 *                   ({@code search.rerank.max-retries})
 * @param backoff    first retry delay; doubled each retry, at most 30 s; a {@code Retry-After} header (seconds)
 *                   wins when longer
 */
public record RemoteRerankerOptions(URI baseUrl, String model, String apiKey, int topN, Duration timeout,
                                    int maxRetries, Duration backoff) {

    /** First retry delay: the same as the embedding client's default ({@code embed.remote.backoff-ms}). */
    public static final Duration BACKOFF = Duration.ofMillis(500);

    @Override
    public String toString() { // never the key
        return "RemoteRerankerOptions[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", topN=" + topN + "]";
    }
}
