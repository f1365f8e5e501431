package io.milvusingest.caption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.ImageData;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import io.milvusingest.remote.JsonHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link VlmCaptioner} against a STUB vision service (the JDK's HTTP server at /v1/chat/completions, not a model):
 * it answers "stub caption of N base64 chars", or with the status it is told to.
 */
class VlmCaptionerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer stub;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    private final SourceDocument doc = new SourceDocument(Path.of("/in/a.pdf"), "/in/a.pdf", "a.pdf", 1, Instant.EPOCH);
    private final Extraction extraction = new Extraction(List.of(
            new Element(ContentType.TEXT, "page text", 1),
            new Element(ContentType.IMAGE, "", 1, null, null, new ImageData(new byte[] {1, 2, 3}, "png", 200, 200))),
            1);

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/v1/chat/completions", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(body);
            String url = body.path("messages").path(0).path("content").path(1).path("image_url").path("url").asText();
            String answer = status != 200 ? "{}" : JSON.createObjectNode().set("choices", JSON.createArrayNode()
                    .add(JSON.createObjectNode().set("message", JSON.createObjectNode()
                            .put("role", "assistant").put("content", " stub caption of " + url.length() + " chars "))))
                    .toString();
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private VlmCaptioner captioner() {
        URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/v1");
        return new VlmCaptioner(new JsonHttp(base, "chat/completions", null, Duration.ofSeconds(5), 0,
                Duration.ofMillis(10), VlmCaptioner::failed), "nvidia/vila", VlmCaptioner.NEMO_PROMPT, 256);
    }

    @Test
    void should_make_the_caption_the_text_of_image_elements_with_NeMos_prompt_and_a_data_url() {
        Extraction captioned = captioner().apply(doc, extraction);

        assertThat(captioned.elements()).extracting(Element::text)
                .containsExactly("page text", "stub caption of 26 chars"); // data:image/png;base64,AQID
        JsonNode request = requests.get(0);
        assertThat(requests).hasSize(1);
        assertThat(request.path("model").asText()).isEqualTo("nvidia/vila");
        assertThat(request.path("messages").path(0).path("content").path(0).path("text").asText())
                .isEqualTo("Caption the content of this image:");
        assertThat(request.path("messages").path(0).path("content").path(1).path("image_url").path("url").asText())
                .isEqualTo("data:image/png;base64,AQID");
    }

    @Test
    void should_fail_as_CAPTION_FAILED_when_the_service_errs() {
        status = 503;

        IngestException e = catchThrowableOfType(IngestException.class, () -> captioner().apply(doc, extraction));

        assertThat(e.kind()).isEqualTo(ErrorKind.CAPTION_FAILED);
        assertThat(e.stage()).isEqualTo(Stage.CAPTION);
        assertThat(e.source()).isEqualTo("/in/a.pdf");
        assertThat(e.getMessage()).contains("HTTP 503");
    }
}
