package io.milvusingest.embed;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of {@link OpenAiEmbedder} (keys {@code embed.remote.*}).
 *
 * @param baseUrl    service base URL ending in {@code /v1}; requests go to {@code {baseUrl}/embeddings}
 * @param model      model name, e.g. NVIDIA NIM's {@code nvidia/llama-3.2-nv-embedqa-1b-v2}
 * @param apiKey     bearer token, or null for none; read from the environment variable named by
 *                   {@code embed.remote.api-key-env}, never logged or put in messages
 * @param dimensions expected vector dimension; also sent as {@code dimensions} (matryoshka models); 0 = whatever
 *                   the model returns (probed at start-up)
 * @param truncate   NIM's {@code truncate}: NONE, START or END; null to leave it out (plain OpenAI rejects it)
 * @param batchSize  passages per request, at least 1
 * @param timeout    per-request timeout
 * @param maxRetries retries after a 429, a 5xx or an I/O error, with exponential backoff
 * @param backoff    first retry delay; doubled each retry, at most 30 s; a {@code Retry-After} header (seconds)
 *                   wins when longer
 * @param maxTokens  the model's input limit in tokens, for the chunker (counted with the local bge tokenizer,
 *                   an approximation for other models)
 */
public record RemoteEmbedderOptions(URI baseUrl, String model, String apiKey, int dimensions, String truncate,
                                    int batchSize, Duration timeout, int maxRetries, Duration backoff,
                                    int maxTokens) {

    @Override
    public String toString() { // never the key
        return "RemoteEmbedderOptions[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", dimensions=" + dimensions + ", batchSize=" + batchSize + "]";
    }
}
