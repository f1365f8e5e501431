package io.milvusingest.remote;

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
import java.util.function.Function;

/**
 * POSTs JSON to one endpoint of an OpenAI-compatible service with the JDK's HttpClient: bearer API key when set,
 * per-request timeout, retries with exponential backoff on 429, 5xx and I/O errors (honouring {@code Retry-After}
 * in seconds, at most 30 s). Error messages carry the status and up to 300 characters of the body, never the key.
 * Thread-safe.
 */
public final class JsonHttp {
    private static final Logger LOG = LoggerFactory.getLogger(JsonHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String apiKey;
    private final Duration timeout;
    private final int maxRetries;
    private final Duration backoff;
    private final Function<String, RuntimeException> failure;
    private final HttpClient client;

    /**
     * @param baseUrl    service base URL, e.g. {@code http://nim:8000/v1}
     * @param path       endpoint below it, e.g. {@code embeddings}
     * @param apiKey     bearer token, or null
     * @param timeout    per-request (and connect) timeout
     * @param maxRetries retries after 429, 5xx or I/O errors
     * @param backoff    first retry delay, doubled each retry
     * @param failure    makes the exception thrown for a message (classified by the caller)
     */
    public JsonHttp(URI baseUrl, String path, String apiKey, Duration timeout, int maxRetries, Duration backoff,
                    Function<String, RuntimeException> failure) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + path);
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.failure = failure;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @throws RuntimeException made by {@code failure}: a non-retryable status, or the last attempt failed */
    public JsonNode post(JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        Duration delay = backoff;
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
                    throw failure.apply(problem);
                }
                retryAfter = response.headers().firstValue("Retry-After").map(JsonHttp::seconds)
                        .orElse(Duration.ZERO);
            } catch (IOException e) {
                problem = "cannot reach " + endpoint + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.apply("interrupted calling " + endpoint);
            }
            if (attempt >= maxRetries) {
                throw failure.apply(problem + " (after " + (attempt + 1) + " attempts)");
            }
            Duration wait = retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
            LOG.warn("request to {} failed, retry {}/{} in {} ms: {}", endpoint, attempt + 1, maxRetries,
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

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply("interrupted while backing off");
        }
    }
}
