package io.milvusingest.cli;

import io.milvusingest.caption.VlmCaptioner;
import io.milvusingest.config.CaptionConfig;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.ingest.ExtractionStep;
import io.milvusingest.remote.JsonHttp;
import io.milvusingest.store.ElementStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The configured steps run after extraction, in order: captions ({@code caption.*}), then the store task. */
final class ExtractionSteps {

    private ExtractionSteps() {
    }

    static List<ExtractionStep> of(IngestConfig config) {
        List<ExtractionStep> steps = new ArrayList<>();
        CaptionConfig c = config.caption();
        if (c != null) {
            steps.add(new VlmCaptioner(new JsonHttp(c.baseUrl(), "chat/completions", c.apiKey(), c.timeout(),
                    c.maxRetries(), Duration.ofMillis(500), VlmCaptioner::failed), c.model(), c.prompt(),
                    c.maxTokens()));
        }
        ElementStore store = ElementStore.of(config.store().uri(), config.store().images(), config.store().tables());
        if (store != null) {
            steps.add(store);
        }
        return steps;
    }
}
