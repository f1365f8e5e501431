package io.milvusingest.rerank;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A STUB of NVIDIA NIM's reranking API (not a real model), on the JDK's built-in HTTP server at
 * {@code http://127.0.0.1:{port}/v1/ranking}. Its "relevance" is a fixed rule: a passage's logit is the number of
 * times the lower-cased query text occurs in the lower-cased passage, minus the passage's index / 1000 (so ties keep
 * input order). It answers best first as NIM does, records every request (headers and JSON body), and can be
 * told to answer the next requests with given error statuses or with a malformed body first.
 */
public final class StubRankingServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Answer with this body and status 200 (a malformed ranking). */
    public static final int MALFORMED = -1;

    /** One request: its Authorization header and JSON body. */
    public record Recorded(String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final Deque<Integer> failures = new ArrayDeque<>();
    /** Every request received, in order. */
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public StubRankingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/ranking", this::handle);
        server.start();
    }

    /** @return {@code http://127.0.0.1:{port}/v1} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The next requests answer with these statuses ({@link #MALFORMED}: a 200 with a broken ranking), in order. */
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
        if (failure != null && failure == MALFORMED) {
            send(exchange, 200, "{\"rankings\":[{\"index\":0,\"logit\":1.0},{\"index\":0,\"logit\":0.5}]}");
            return;
        }
        if (failure != null) {
            if (failure == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            send(exchange, failure, "{\"error\":\"stub failure " + failure + "\"}");
            return;
        }
        String query = body.path("query").path("text").asText().toLowerCase(Locale.ROOT);
        JsonNode passages = body.path("passages");
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            String text = passages.get(i).path("text").asText().toLowerCase(Locale.ROOT);
            scored.add(new double[] {i, occurrences(text, query) - i / 1000.0});
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> s[1]).reversed());
        ObjectNode response = JSON.createObjectNode();
        ArrayNode rankings = response.putArray("rankings");
        for (double[] s : scored) {
            rankings.addObject().put("index", (int) s[0]).put("logit", s[1]);
        }
        send(exchange, 200, response.toString());
    }

    private static int occurrences(String text, String query) {
        int n = 0;
        for (int at = query.isEmpty() ? -1 : text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
            n++;
        }
        return n;
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
