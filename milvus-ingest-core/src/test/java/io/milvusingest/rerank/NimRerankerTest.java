package io.milvusingest.rerank;

import io.milvusingest.milvus.SearchHit;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link NimReranker} against a local stub server ({@link StubRankingServer}), not a real model. */
class NimRerankerTest {
    private static final String KEY = "nvapi-test-secret-456";
    private static final List<SearchHit> HITS = List.of(hit("no match here", 1), hit("a giraffe, one giraffe", 2),
            hit("giraffe once", 3));
    private StubRankingServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new StubRankingServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private RemoteRerankerOptions options(int maxRetries) {
        return new RemoteRerankerOptions(stub.baseUrl(), "nvidia/llama-3.2-nv-rerankqa-1b-v2", KEY, 20,
                Duration.ofSeconds(5), maxRetries, Duration.ofMillis(10));
    }

    private static SearchHit hit(String text, int page) {
        return new SearchHit(0.01f * page, text, "doc.pdf", "/docs/doc.pdf", page, "text", 0);
    }

    @Test
    void should_order_the_hits_by_the_services_ranking_and_score_them_by_logit() {
        List<SearchHit> ranked = new NimReranker(options(0)).rerank("Giraffe", HITS);

        assertThat(ranked).extracting(SearchHit::pageNumber).containsExactly(2, 3, 1);
        assertThat(ranked.get(0).score()).isCloseTo(2f - 0.001f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(ranked.get(0).text()).isEqualTo("a giraffe, one giraffe");
        assertThat(ranked.get(0).sourceId()).isEqualTo("/docs/doc.pdf");
    }

    @Test
    void should_send_nims_request_shape_with_the_key_as_bearer_token() {
        new NimReranker(options(0)).rerank("giraffe", HITS);

        assertThat(stub.requests).hasSize(1);
        var body = stub.requests.get(0).body();
        assertThat(body.path("model").asText()).isEqualTo("nvidia/llama-3.2-nv-rerankqa-1b-v2");
        assertThat(body.path("query").path("text").asText()).isEqualTo("giraffe");
        assertThat(body.path("passages").toString())
                .isEqualTo("[{\"text\":\"no match here\"},{\"text\":\"a giraffe, one giraffe\"},{\"text\":\"giraffe once\"}]");
        assertThat(body.path("truncate").asText()).isEqualTo("END");
        assertThat(stub.requests.get(0).authorization()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void should_not_call_the_service_for_no_hits() {
        assertThat(new NimReranker(options(0)).rerank("giraffe", List.of())).isEmpty();
        assertThat(stub.requests).isEmpty();
    }

    @Test
    void should_retry_on_429_and_5xx_without_logging_the_key() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<SearchHit> ranked;
        try {
            stub.failNext(429, 503);
            ranked = new NimReranker(options(2)).rerank("giraffe", HITS);
        } finally {
            System.setErr(err);
        }

        assertThat(ranked).extracting(SearchHit::pageNumber).containsExactly(2, 3, 1);
        assertThat(stub.requests).hasSize(3);
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("retry 1/2").contains("retry 2/2").doesNotContain(KEY);
    }

    @Test
    void should_fail_as_RERANK_FAILED_after_the_last_retry_without_leaking_the_key() {
        stub.failNext(502, 502);

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new NimReranker(options(1)).rerank("giraffe", HITS));

        assertThat(e.kind()).isEqualTo(ErrorKind.RERANK_FAILED);
        assertThat(e.stage()).isEqualTo(Stage.SEARCH);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("HTTP 502").contains("after 2 attempts").doesNotContain(KEY);
        assertThat(options(1).toString()).doesNotContain(KEY).contains("***");
    }

    @Test
    void should_not_retry_a_client_error() {
        stub.failNext(400);

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new NimReranker(options(3)).rerank("giraffe", HITS));

        assertThat(e.kind()).isEqualTo(ErrorKind.RERANK_FAILED);
        assertThat(e.getMessage()).contains("HTTP 400").doesNotContain(KEY);
        assertThat(stub.requests).hasSize(1);
    }

    @Test
    void should_refuse_a_ranking_that_does_not_name_every_hit_once() {
        stub.failNext(StubRankingServer.MALFORMED);

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new NimReranker(options(0)).rerank("giraffe", HITS));

        assertThat(e.kind()).isEqualTo(ErrorKind.RERANK_FAILED);
        assertThat(e.getMessage()).contains("expected 3 rankings, got 2");
    }

    @Test
    void should_fail_as_RERANK_FAILED_when_the_service_is_unreachable() {
        RemoteRerankerOptions options = options(0);
        stub.close();

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new NimReranker(options).rerank("giraffe", HITS));

        assertThat(e.kind()).isEqualTo(ErrorKind.RERANK_FAILED);
        assertThat(e.getMessage()).contains("cannot reach");
    }
}
