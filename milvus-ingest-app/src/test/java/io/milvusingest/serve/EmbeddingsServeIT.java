package io.milvusingest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/ingest serve}'s {@code POST /v1/embeddings}: the ingest path's vectors, OpenAI's shapes. */
@ExtendWith(MilvusLiteExtension.class)
class EmbeddingsServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServeProcess serve;
    private static BgeSmallEmbedder embedder;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start(MilvusLiteServer milvus) throws Exception {
        serve = ServeProcess.start(milvus.uri(), "serve_it_absent", dir);
        embedder = new BgeSmallEmbedder();
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
        embedder.close();
    }

    @Test
    void passagesGetTheIngestPathsVectorsInOpenAisShape() throws Exception {
        String a = "Milvus stores dense and sparse vectors side by side.";
        String b = "The quarterly report lists revenue per region.";
        HttpResponse<String> r = post("{\"model\": \"bge-small-en-v1.5\", \"input\": [\"" + a + "\", \"" + b
                + "\"], \"encoding_format\": \"float\", \"input_type\": \"passage\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("model").asText()).isEqualTo("bge-small-en-v1.5");
        ModelTokenizer tokenizer = embedder.tokenizer();
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(tokenizer.count(a) + tokenizer.count(b));
        assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(body.at("/usage/prompt_tokens").asInt());
        // the ingest path embeds the chunker's token ids
        List<float[]> ingest = embedder.embedTokenized(List.of(a, b), List.of(tokenizer.ids(a), tokenizer.ids(b)));
        for (int i = 0; i < 2; i++) {
            JsonNode item = body.get("data").get(i);
            assertThat(item.get("object").asText()).isEqualTo("embedding");
            assertThat(item.get("index").asInt()).isEqualTo(i);
            assertThat(item.get("embedding")).hasSize(384);
            assertThat(cosine(vector(item.get("embedding")), ingest.get(i))).isGreaterThan(0.999);
        }
    }

    @Test
    void aQueryGetsTheQueryInstructionAndAStringInputIsOneInput() throws Exception {
        String q = "which store holds sparse vectors?";
        JsonNode body = JSON.readTree(post("{\"model\": \"bge-small-en-v1.5\", \"input\": \"" + q
                + "\", \"input_type\": \"query\"}").body());
        float[] served = vector(body.at("/data/0/embedding"));
        assertThat(body.get("data")).hasSize(1);
        assertThat(cosine(served, embedder.embedQuery(q))).isGreaterThan(0.999);
        assertThat(cosine(served, embedder.embedPassages(List.of(q)).get(0))).as("not the passage vector")
                .isLessThan(0.99);
    }

    @Test
    void truncateEndCutsALongInputAndNoneRefusesIt() throws Exception {
        String longText = "word ".repeat(600).strip();
        HttpResponse<String> refused = post("{\"model\": \"bge-small-en-v1.5\", \"input\": \"" + longText + "\"}");
        assertError(refused, 400, "input", "context_length_exceeded");
        HttpResponse<String> cut = post("{\"model\": \"bge-small-en-v1.5\", \"input\": \"" + longText
                + "\", \"truncate\": \"END\"}");
        assertThat(cut.statusCode()).as(cut.body()).isEqualTo(200);
        assertThat(JSON.readTree(cut.body()).at("/usage/prompt_tokens").asInt()).isEqualTo(510);
    }

    @Test
    void errorsFollowOpenAisShape() throws Exception {
        assertError(post("{\"model\": \"text-embedding-3-small\", \"input\": \"x\"}"), 404, "model", "model_not_found");
        assertError(post("{\"input\": \"x\"}"), 400, "model", null);
        assertError(post("{\"model\": \"bge-small-en-v1.5\"}"), 400, "input", null);
        assertError(post("{\"model\": \"bge-small-en-v1.5\", \"input\": [[101, 102]]}"), 400, "input", null);
        assertError(post("{\"model\": \"bge-small-en-v1.5\", \"input\": \"\"}"), 400, "input", null);
        assertError(post("{\"model\": \"bge-small-en-v1.5\", \"input\": \"x\", \"encoding_format\": \"base64\"}"),
                400, "encoding_format", null);
        assertError(post("{\"model\": \"bge-small-en-v1.5\", \"input\": \"x\", \"input_type\": \"document\"}"),
                400, "input_type", null);
        assertError(post("{\"model\": \"bge-small-en-v1.5\", \"input\": \"x\", \"dimensions\": 256}"),
                400, "dimensions", null);
        assertError(post("not json"), 400, null, null);
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/v1/embeddings"))
                .header("Authorization", "Bearer secret-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertError(get, 405, null, "method_not_allowed");
        assertThat(get.headers().map().keySet()).as("request headers are not echoed")
                .noneMatch(h -> h.equalsIgnoreCase("authorization"));
    }

    private static void assertError(HttpResponse<String> r, int status, String param, String code) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error).as(r.body()).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").isNull() ? null : error.get("param").asText()).isEqualTo(param);
        assertThat(error.get("code").isNull() ? null : error.get("code").asText()).isEqualTo(code);
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/v1/embeddings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static float[] vector(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
