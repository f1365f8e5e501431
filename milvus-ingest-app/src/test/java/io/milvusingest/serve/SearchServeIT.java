package io.milvusingest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search service of {@code bin/ingest serve} over a collection that {@code bin/ingest files} filled: the API on
 * 127.0.0.1 (no key but for deletes), and a second server on 127.0.0.2, "beyond loopback", that needs the key.
 */
@ExtendWith(MilvusLiteExtension.class)
class SearchServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY = "k3y-" + Long.toHexString(System.nanoTime()) + "-s3cr3t-value-0123456789";
    private static IngestedCorpus corpus;
    private static ServeProcess local;
    private static ServeProcess remote;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start(MilvusLiteServer milvus) throws Exception {
        corpus = IngestedCorpus.ingest(dir, milvus.uri(), MilvusLiteExtension.collectionName("search_it"));
        local = ServeProcess.start(dir, "127.0.0.1", Map.of(), corpus.with("serve"));
        remote = ServeProcess.start(dir, "127.0.0.2", Map.of("MILVUS_INGEST_API_KEY", KEY), corpus.with("serve"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (local != null) {
            local.close();
        }
        if (remote != null) {
            remote.close();
        }
    }

    @Test
    void hybridSearchFindsThePoemOnItsPageWithTheTermsHighlighted() throws Exception {
        String q = "whose woods these are I think I know";
        JsonNode body = json(get(local, "/api/search?q=" + enc(q) + "&top_k=3", null));
        JsonNode first = body.at("/hits/0");
        assertThat(body.get("mode").asText()).isEqualTo("hybrid");
        assertThat(first.get("source_name").asText()).isEqualTo(corpus.sourceId("woods_frost.pdf"));
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("content_type").asText()).isEqualTo("text");
        String text = first.get("text").asText();
        List<String> marked = new ArrayList<>();
        first.get("highlights").forEach(h -> marked.add(text.substring(h.get(0).asInt(), h.get(1).asInt()).toLowerCase()));
        assertThat(marked).contains("woods", "whose", "think", "know");

        // the same as a POST body, dense and sparse too
        for (String mode : List.of("dense", "sparse")) {
            HttpResponse<String> r = post(local, "/api/search", "{\"q\": \"" + q + "\", \"mode\": \"" + mode
                    + "\", \"top_k\": 2}", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r).at("/hits/0/source_name").asText()).isEqualTo(corpus.sourceId("woods_frost.pdf"));
        }
    }

    @Test
    void aFilterNarrowsTheSearchAndOnlyFilterExpressionsOverThisSchemaPass() throws Exception {
        String filter = "source[\"source_name\"] == \"" + corpus.sourceId("functional_validation.pdf") + "\"";
        JsonNode body = json(get(local, "/api/search?q=woods&filter=" + enc(filter), null));
        assertThat(body.get("hits")).isNotEmpty().allSatisfy(h ->
                assertThat(h.get("source_name").asText()).endsWith("functional_validation.pdf"));

        for (String bad : List.of("json_contains(source, \"x\")", "other_collection.pk > 0", "pk > 0; drop",
                "{template} == 1", "text_match(text, \"woods\")")) {
            HttpResponse<String> r = get(local, "/api/search?q=woods&filter=" + enc(bad), null);
            assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(json(r).at("/error/param").asText()).isEqualTo("filter");
        }
        HttpResponse<String> other = get(local, "/api/search?q=woods&collection=someone_elses", null);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(json(other).at("/error/param").asText()).isEqualTo("collection");
    }

    @Test
    void documentsListRowsPagesStatusAndTheFailureWithItsKind() throws Exception {
        JsonNode body = json(get(local, "/api/documents", null));
        JsonNode woods = find(body.get("documents"), "source_id", corpus.sourceId("woods_frost.pdf"));
        assertThat(woods.get("status").asText()).isEqualTo("ingested");
        assertThat(woods.get("pages").asInt()).isEqualTo(2);
        assertThat(woods.get("rows").asInt()).isPositive();
        assertThat(woods.get("last_ingested").asText()).startsWith("20");
        JsonNode failed = find(body.get("failed"), "file", "broken.pdf");
        assertThat(failed.get("kind").asText()).isEqualTo("CORRUPT");
        assertThat(failed.get("message").asText()).isNotBlank();

        JsonNode chunks = json(get(local, "/api/documents/" + woods.get("id").asText(), null));
        assertThat(chunks.get("pages")).isNotEmpty();
        assertThat(chunks.at("/pages/0/page").asInt()).isEqualTo(1);
        assertThat(chunks.at("/pages/0/chunks/0/text").asText()).contains("Stopping by Woods");
    }

    @Test
    void theFileRouteServesIngestedSourcesUnderTheRootsOnly() throws Exception {
        HttpResponse<String> pdf = get(local, "/files/" + DocumentIds.encode(corpus.sourceId("woods_frost.pdf")), null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");

        Path outside = Files.createDirectories(dir.resolve("outside")).resolve("secret.pdf");
        Files.writeString(outside, "%PDF-1.4 secret");
        Path link = Files.createSymbolicLink(corpus.docs().resolve("link.pdf"), outside);
        for (String id : List.of(corpus.docs() + "/../outside/secret.pdf", link.toString(), "/etc/passwd",
                corpus.docs() + "/../../../../../../etc/passwd")) {
            HttpResponse<String> r = get(local, "/files/" + DocumentIds.encode(id), null);
            assertThat(r.statusCode()).as(id).isEqualTo(403);
            assertThat(r.body()).doesNotContain("secret");
        }
        Path notIngested = Files.writeString(corpus.docs().resolve("later.md"), "# written after the ingest");
        assertThat(get(local, "/files/" + DocumentIds.encode(notIngested.toString()), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        String big = "{\"q\": \"" + "x".repeat(70_000) + "\"}";
        assertThat(post(local, "/api/search", big, null).statusCode()).isEqualTo(413);
    }

    @Test
    void beyondLoopbackEveryApiNeedsTheKeyButHealthAndMetricsDoNot() throws Exception {
        for (String path : List.of("/api/search?q=woods", "/api/documents",
                "/files/" + DocumentIds.encode(corpus.sourceId("woods_frost.pdf")))) {
            assertThat(get(remote, path, null).statusCode()).as("no key: " + path).isEqualTo(401);
            assertThat(get(remote, path, "wrong").statusCode()).as("wrong key: " + path).isEqualTo(401);
            assertThat(get(remote, path, KEY).statusCode()).as("key: " + path).isEqualTo(200);
        }
        assertThat(post(remote, "/api/search", "{\"q\": \"woods\"}", null).statusCode()).isEqualTo(401);
        String embed = "{\"model\": \"bge-small-en-v1.5\", \"input\": \"woods\"}";
        assertThat(post(remote, "/v1/embeddings", embed, null).statusCode()).isEqualTo(401);
        assertThat(post(remote, "/v1/embeddings", embed, KEY).statusCode()).isEqualTo(200);
        assertThat(get(remote, "/", null).statusCode()).as("the page is static").isEqualTo(200);
        assertThat(get(remote, "/observe/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get(remote, "/observe/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get(remote, "/observe/metrics", null).body()).contains("milvus_ingest_search_seconds");
        // CORS is off: no Access-Control-Allow-Origin for another origin
        HttpResponse<String> cors = HTTP.send(HttpRequest.newBuilder(URI.create(remote.baseUrl() + "/api/documents"))
                .header("Origin", "https://evil.example").header("X-API-Key", KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cors.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void deletesNeedTheKeyEvenOnLoopbackAndRemoveTheSourcesRows() throws Exception {
        String id = DocumentIds.encode(corpus.sourceId("test.md"));
        assertThat(delete(local, id, null).statusCode()).isEqualTo(401); // loopback, no key configured: refused
        assertThat(delete(remote, id, "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = delete(remote, id, KEY);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("rows_deleted").asInt()).isPositive();
        assertThat(get(local, "/api/documents/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongKeysAnswerTimeDoesNotDependOnHowMuchOfItMatched() throws Exception {
        String none = "X".repeat(KEY.length());
        String most = KEY.substring(0, KEY.length() - 1) + "X";
        for (int i = 0; i < 20; i++) { // warm-up
            get(remote, "/api/documents", i % 2 == 0 ? none : most);
        }
        long[] a = new long[150];
        long[] b = new long[150];
        for (int i = 0; i < a.length; i++) { // interleaved, so load on the machine affects both alike
            a[i] = timed(none);
            b[i] = timed(most);
        }
        double medianNone = median(a) / 1e6;
        double medianMost = median(b) / 1e6;
        assertThat(Math.abs(medianNone - medianMost)).as("median ms: no char matched %.3f, all but one %.3f",
                medianNone, medianMost).isLessThan(Math.max(1.0, 0.25 * Math.min(medianNone, medianMost)));
    }

    @Test
    void theKeyNeverAppearsInTheLogs() throws Exception {
        get(remote, "/api/search?q=woods", KEY);
        get(remote, "/api/search?q=woods", KEY + "x");
        assertThat(remote.output()).doesNotContain(KEY).contains("API key required");
        assertThat(local.output()).doesNotContain(KEY);
    }

    @Test
    void servingBeyondLoopbackWithoutAKeyIsRefusedAtStartUp() throws Exception {
        io.milvusingest.cli.BinIngest r = io.milvusingest.cli.BinIngest.run(dir, Map.of(),
                corpus.with("serve", "-p", "serve.host=127.0.0.2", "-p", "serve.port=1").toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("MILVUS_INGEST_API_KEY");
    }

    private static long timed(String key) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(remote, "/api/documents", key);
        long t = System.nanoTime() - t0;
        assertThat(r.statusCode()).isEqualTo(401);
        return t;
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 499);
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> get(ServeProcess s, String path, String key) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).GET(), key);
    }

    private static HttpResponse<String> post(ServeProcess s, String path, String body, String key) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    private static HttpResponse<String> delete(ServeProcess s, String id, String key) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/documents/" + id)).DELETE(), key);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b, String key) throws Exception {
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
