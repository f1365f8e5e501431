package io.milvusingest.runtime;

import io.milvusingest.caption.VlmCaptioner;
import io.milvusingest.config.CaptionConfig;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.extract.ExtractOptions;
import io.milvusingest.pipeline.ExtractionStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.milvusingest.remote.JsonHttp;
import io.milvusingest.store.ElementStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The configured steps run after extraction, in order: captions ({@code caption.*}), then the store task. */
public final class ExtractionSteps {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionSteps.class);

    private ExtractionSteps() {
    }

    /**
     * {@code extract.*} as configured, except that embedded images are extracted only when something uses them:
     * OCR of images ({@code extract.images.ocr}), captions ({@code caption.enabled}) or the store task
     * ({@code store.uri} with {@code store.images}). Otherwise an image element has no text, so it is never
     * chunked nor uploaded, and decoding and PNG-encoding it would only cost CPU beside the model.
     */
    public static ExtractOptions extractOptions(IngestConfig config) {
        ExtractOptions x = config.extract();
        boolean used = config.ocr().images() || config.caption() != null
                || (!config.store().uri().isBlank() && config.store().images());
        if (!x.images() || used) {
            return x;
        }
        LOG.info("extract.images: embedded images are not extracted, as nothing would use them (extract.images.ocr,"
                + " caption.enabled and store.uri are off); image elements without text are never uploaded");
        return new ExtractOptions(x.text(), x.tables(), false, x.textDepth());
    }

    public static List<ExtractionStep> of(IngestConfig config) {
        List<ExtractionStep> steps = new ArrayList<>();
        CaptionConfig c = config.caption();
        if (c != null) {
            steps.add(new VlmCaptioner(new JsonHttp(c.baseUrl(), "chat/completions", c.apiKey(), c.timeout(),
                    c.maxRetries(), Duration.ofMillis(500), VlmCaptioner::failed), c.model(), c.prompt(),
                    c.maxTokens()));
        }
        ElementStore store = ElementStore.of(config.store());
        if (store != null) {
            steps.add(store);
        }
        return steps;
    }
}
