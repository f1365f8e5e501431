package io.milvusingest.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs JSON to {@code {baseUrl}/embeddings} with the JDK's HttpClient: bearer API key when set, per-request
 * timeout, retries with exponential backoff on 429, 5xx and I/O errors (honouring {@code Retry-After} in seconds).
 * Error messages carry the status and up to 300 characters of the body, never the key. Thread-safe.
 */
final class EmbeddingHttp {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RemoteEmbedderOptions options;
    private final HttpClient client;
    private final URI endpoint;

    EmbeddingHttp(RemoteEmbedderOptions options) {
        this.options = options;
        this.client = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
        String base = options.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "embeddings");
    }

    /** @throws io.milvusingest.ingest.IngestException EMBEDDING_FAILED after the last attempt */
    JsonNode post(JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(options.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (options.apiKey() != null && !options.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + options.apiKey());
        }
        Duration delay = options.backoff();
        for (int attempt = 0; ; attempt++) {
            String problem;
            Duration retryAfter = Duration.ZERO;
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                problem = "HTTP " + status + " from " + endpoint + ": " + snippet(response.body());
                if (status != 429 && status / 100 != 5) {
                    throw OpenAiEmbedder.failed(problem);
                }
                retryAfter = response.headers().firstValue("Retry-After").map(EmbeddingHttp::seconds)
                        .orElse(Duration.ZERO);
            } catch (IOException e) {
                problem = "cannot reach " + endpoint + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OpenAiEmbedder.failed("interrupted calling " + endpoint);
            }
            if (attempt >= options.maxRetries()) {
                throw OpenAiEmbedder.failed(problem + " (after " + (attempt + 1) + " attempts)");
            }
            Duration wait = retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
            LOG.warn("embedding request failed, retry {}/{} in {} ms: {}", attempt + 1, options.maxRetries(),
                    wait.toMillis(), problem);
            sleep(wait);
            delay = delay.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay.multipliedBy(2);
        }
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Math.min(Long.parseLong(header.strip()), MAX_BACKOFF.toSeconds()));
        } catch (NumberFormatException e) {
            return Duration.ZERO; // an HTTP date: fall back to our own backoff
        }
    }

    private static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpenAiEmbedder.failed("interrupted while backing off");
        }
    }
}
