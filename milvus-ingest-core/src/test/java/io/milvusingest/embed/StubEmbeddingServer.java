package io.milvusingest.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A STUB of an OpenAI-compatible embedding service (not a real model), on the JDK's built-in HTTP server at
 * {@code http://127.0.0.1:{port}/v1/embeddings}: answers each input with a deterministic, unnormalized vector of
 * {@code dimension} floats derived from the text's hash, records every request (headers and JSON body), and can
 * be told to answer the next requests with given error statuses first.
 */
public final class StubEmbeddingServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: its Authorization header and JSON body. */
    public record Recorded(String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final int dimension;
    private final Deque<Integer> failures = new ArrayDeque<>();
    /** Every request received, in order. */
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public StubEmbeddingServer(int dimension) throws IOException {
        this.dimension = dimension;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", this::handle);
        server.start();
    }

    /** @return {@code http://127.0.0.1:{port}/v1} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The next requests answer with these statuses, in order, before normal answers resume. */
    public synchronized void failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(s);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        requests.add(new Recorded(exchange.getRequestHeaders().getFirst("Authorization"), body));
        Integer failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            if (failure == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            send(exchange, failure, "{\"error\":\"stub failure " + failure + "\"}");
            return;
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode data = response.putArray("data");
        JsonNode input = body.path("input");
        for (int i = input.size() - 1; i >= 0; i--) { // reversed: clients must order by index
            ObjectNode item = data.addObject();
            item.put("index", i);
            ArrayNode embedding = item.putArray("embedding");
            int h = input.get(i).asText().hashCode();
            for (int d = 0; d < dimension; d++) {
                embedding.add(((h >> (d % 32)) & 1) == 1 ? 3.0 : 1.0 + d);
            }
        }
        response.put("model", body.path("model").asText());
        send(exchange, 200, response.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
