package io.milvusingest.embed;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link OpenAiEmbedder} against a local stub server ({@link StubEmbeddingServer}), not a real model. */
class OpenAiEmbedderTest {
    private static final String KEY = "sk-test-secret-123";
    private StubEmbeddingServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new StubEmbeddingServer(8);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private RemoteEmbedderOptions options(int dimensions, int batchSize, int maxRetries) {
        return new RemoteEmbedderOptions(stub.baseUrl(), "nvidia/llama-3.2-nv-embedqa-1b-v2", KEY, dimensions, "END",
                batchSize, Duration.ofSeconds(5), maxRetries, Duration.ofMillis(10), 510);
    }

    @Test
    void should_embed_passages_in_batches_as_passage_with_the_key_and_normalized_vectors_in_input_order() {
        OpenAiEmbedder embedder = new OpenAiEmbedder(options(8, 2, 0));

        List<float[]> vectors = embedder.embedPassages(List.of("a", "b", "c"));

        assertThat(embedder.dimension()).isEqualTo(8);
        assertThat(vectors).hasSize(3);
        assertThat(vectors.get(2)).isEqualTo(embedder.embedPassages(List.of("c")).get(0));
        double norm = 0;
        for (float x : vectors.get(0)) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        // probe (query), then two passage batches of 2 and 1, then the single "c"
        assertThat(stub.requests).hasSize(4);
        assertThat(stub.requests.get(1).body().path("input")).hasSize(2);
        assertThat(stub.requests.get(2).body().path("input")).hasSize(1);
        assertThat(stub.requests.get(1).body().path("input_type").asText()).isEqualTo("passage");
        assertThat(stub.requests.get(1).body().path("truncate").asText()).isEqualTo("END");
        assertThat(stub.requests.get(1).body().path("dimensions").asInt()).isEqualTo(8);
        assertThat(stub.requests.get(1).authorization()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void should_send_batches_ordered_by_length_and_answer_in_input_order() {
        OpenAiEmbedder embedder = new OpenAiEmbedder(options(8, 2, 0));
        float[] alone = embedder.embedPassages(List.of("ccc")).get(0);
        stub.requests.clear();

        List<float[]> vectors = embedder.embedPassages(List.of("ccc", "a", "bb"));

        assertThat(stub.requests).hasSize(2);
        assertThat(stub.requests.get(0).body().path("input").toString()).isEqualTo("[\"a\",\"bb\"]");
        assertThat(stub.requests.get(1).body().path("input").toString()).isEqualTo("[\"ccc\"]");
        assertThat(vectors.get(0)).isEqualTo(alone);
    }

    @Test
    void should_embed_queries_as_query() {
        OpenAiEmbedder embedder = new OpenAiEmbedder(options(0, 4, 0));

        embedder.embedQuery("what is a giraffe?");

        assertThat(stub.requests.get(1).body().path("input_type").asText()).isEqualTo("query");
        assertThat(stub.requests.get(1).body().has("dimensions")).isFalse();
    }

    @Test
    void should_retry_on_429_and_5xx_then_succeed() {
        OpenAiEmbedder embedder = new OpenAiEmbedder(options(8, 4, 3));
        stub.failNext(429, 503, 500);

        assertThat(embedder.embedPassages(List.of("x"))).hasSize(1);
        assertThat(stub.requests).hasSize(5); // probe + 3 failures + success
    }

    @Test
    void should_fail_as_EMBEDDING_FAILED_after_the_last_retry_without_leaking_the_key() {
        OpenAiEmbedder embedder = new OpenAiEmbedder(options(8, 4, 1));
        stub.failNext(502, 502);

        IngestException e = catchThrowableOfType(IngestException.class, () -> embedder.embedPassages(List.of("x")));

        assertThat(e.kind()).isEqualTo(ErrorKind.EMBEDDING_FAILED);
        assertThat(e.getMessage()).contains("HTTP 502").contains("after 2 attempts").doesNotContain(KEY);
        assertThat(options(8, 4, 1).toString()).doesNotContain(KEY);
    }

    @Test
    void should_not_retry_a_client_error() {
        OpenAiEmbedder embedder = new OpenAiEmbedder(options(8, 4, 3));
        stub.failNext(400);

        assertThatThrownBy(() -> embedder.embedPassages(List.of("x"))).hasMessageContaining("HTTP 400");
        assertThat(stub.requests).hasSize(2);
    }

    @Test
    void should_refuse_to_start_when_the_model_dimension_differs_from_the_configured_one() {
        assertThatThrownBy(() -> new OpenAiEmbedder(options(384, 4, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("embed.remote.dimensions=384 but model nvidia/llama-3.2-nv-embedqa-1b-v2 returns"
                        + " 8-dimensional vectors");
    }

    @Test
    void should_refuse_to_start_when_the_service_is_unreachable() {
        RemoteEmbedderOptions options = options(8, 4, 0);
        stub.close();

        assertThatThrownBy(() -> new OpenAiEmbedder(options)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed the start-up probe").hasMessageContaining("cannot reach");
    }
}
