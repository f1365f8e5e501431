package io.milvusingest.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The common part of the STUBS of remote JSON services (embedding, ranking): the JDK's built-in HTTP server on
 * {@code http://127.0.0.1:{free port}}, every request recorded (Authorization header and JSON body), and queued
 * failures answered before normal answers resume. A subclass only says how a request is answered.
 */
public abstract class StubJsonServer implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One request: its Authorization header and JSON body. */
    public record Recorded(String authorization, JsonNode body) {
    }

    /** Every request received, in order. */
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final HttpServer server;

    /** @param path the one path served, e.g. {@code /v1/embeddings} */
    protected StubJsonServer(String path) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, this::handle);
        server.start();
    }

    /** @return {@code http://127.0.0.1:{port}/v1} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /**
     * The next requests answer with these HTTP statuses, in order (a 429 with {@code Retry-After: 0}); a code below
     * 100 is sent as a 200 with the subclass's {@link #malformed(int)} body.
     */
    public synchronized void failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(s);
        }
    }

    /** @return the JSON body of a normal 200 answer to {@code request} */
    protected abstract String answer(JsonNode request);

    /** @return the 200 body sent for a queued code below 100; none unless a subclass defines one */
    protected String malformed(int code) {
        throw new IllegalArgumentException("no malformed answer " + code + " in this stub");
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        requests.add(new Recorded(exchange.getRequestHeaders().getFirst("Authorization"), body));
        Integer failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure == null) {
            send(exchange, 200, answer(body));
        } else if (failure < 100) {
            send(exchange, 200, malformed(failure));
        } else {
            if (failure == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            send(exchange, failure, "{\"error\":\"stub failure " + failure + "\"}");
        }
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
