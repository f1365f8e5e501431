package io.milvusingest.caption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.pipeline.ExtractionStep;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import io.milvusingest.remote.JsonHttp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Captions image and chart elements with an OpenAI-compatible vision model ({@code POST {url}/chat/completions},
 * e.g. an NVIDIA NIM VLM), NeMo Retriever's caption task: one user message with the prompt (NeMo's default
 * "Caption the content of this image:") and the image as a {@code data:} URL. The caption becomes the element's
 * text, so image rows are embedded and searchable by it. Off by default ({@code caption.enabled}). Thread-safe.
 */
public final class VlmCaptioner implements ExtractionStep {
    /** NeMo Retriever's default caption prompt. */
    public static final String NEMO_PROMPT = "Caption the content of this image:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonHttp http;
    private final String model;
    private final String prompt;
    private final int maxTokens;

    /**
     * @param http      the chat-completions endpoint ({@code caption.url} + {@code chat/completions})
     * @param model     {@code caption.model}
     * @param prompt    {@code caption.prompt}
     * @param maxTokens {@code caption.max-tokens}: longest caption, in model tokens
     */
    public VlmCaptioner(JsonHttp http, String model, String prompt, int maxTokens) {
        this.http = http;
        this.model = model;
        this.prompt = prompt;
        this.maxTokens = maxTokens;
    }

    /**
     * @return the extraction with every image and chart element captioned
     * @throws IngestException CAPTION_FAILED/CAPTION when the service fails after its retries or answers without
     *                         a caption
     */
    @Override
    public Extraction apply(SourceDocument document, Extraction extraction) {
        List<Element> out = new ArrayList<>(extraction.elements().size());
        for (Element e : extraction.elements()) {
            boolean image = (e.type() == ContentType.IMAGE || e.type() == ContentType.CHART) && e.image() != null;
            out.add(image ? e.withText(caption(document, e)) : e);
        }
        return extraction.withElements(List.copyOf(out));
    }

    private String caption(SourceDocument document, Element e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", maxTokens);
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", prompt);
        String mime = "image/" + e.image().format().toLowerCase(Locale.ROOT);
        content.addObject().put("type", "image_url").putObject("image_url")
                .put("url", "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(e.image().bytes()));
        JsonNode response;
        try {
            response = http.post(body);
        } catch (IngestException ex) {
            throw IngestException.of(ex.kind(), Stage.CAPTION, ex.getMessage())
                    .source(document.sourceId()).page(e.pageNumber()).cause(ex).build();
        }
        JsonNode text = response.path("choices").path(0).path("message").path("content");
        if (!text.isTextual()) {
            throw IngestException.of(ErrorKind.CAPTION_FAILED, Stage.CAPTION,
                    "no choices[0].message.content in the caption response")
                    .source(document.sourceId()).page(e.pageNumber()).build();
        }
        return text.asText().strip();
    }

    /** The failure the HTTP client throws: transient CAPTION_FAILED (the service may recover). */
    public static IngestException failed(String message) {
        return IngestException.of(ErrorKind.CAPTION_FAILED, Stage.CAPTION, message).build();
    }
}
