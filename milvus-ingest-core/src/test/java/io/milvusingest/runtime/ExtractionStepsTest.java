package io.milvusingest.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionStepsTest {

    private static IngestConfig config(Map<String, String> flags) {
        return IngestConfig.from(ConfigSource.load(Path.of("config/application.properties"), flags), Path.of("/opt/app"));
    }

    @Test
    void should_not_extract_images_that_nothing_would_give_text_or_store() {
        var options = ExtractionSteps.extractOptions(config(Map.of()));

        assertThat(options.images()).isFalse();
        assertThat(options.text()).isTrue();
        assertThat(options.tables()).isTrue();
    }

    @Test
    void should_extract_images_when_they_are_ocred_or_stored() {
        assertThat(ExtractionSteps.extractOptions(config(Map.of("extract.images.ocr", "true"))).images()).isTrue();
        assertThat(ExtractionSteps.extractOptions(config(Map.of("store.uri", "file:///tmp/store"))).images()).isTrue();
    }

    @Test
    void should_keep_images_off_when_the_user_turned_them_off() {
        var options = ExtractionSteps.extractOptions(config(Map.of("extract.images", "false",
                "extract.images.ocr", "true")));

        assertThat(options.images()).isFalse();
    }
}
