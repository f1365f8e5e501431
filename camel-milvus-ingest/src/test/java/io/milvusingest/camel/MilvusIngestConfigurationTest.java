package io.milvusingest.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MilvusIngestConfigurationTest {
    private static final Path HOME = Path.of("/opt/app");

    /** The options' defaults are the core configuration's: an endpoint without options behaves as bin/ingest. */
    @Test
    void should_default_every_option_to_the_core_configurations_default() {
        MilvusIngestConfiguration options = new MilvusIngestConfiguration();
        options.setCollection("docs");

        assertThat(options.toIngestConfig(HOME))
                .isEqualTo(IngestConfig.from(ConfigSource.of(Map.of("milvus.collection", "docs")), HOME));
    }

    /** The defaults the catalog (and so the docs) state are the ones an endpoint starts with. */
    @Test
    void should_start_every_option_at_the_default_the_catalog_states() throws Exception {
        JsonNode props;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/milvusingest/camel/milvus-ingest.json")) {
            props = new ObjectMapper().readTree(in).get("properties");
        }
        MilvusIngestConfiguration fresh = new MilvusIngestConfiguration();
        MilvusIngestConfigurationConfigurer configurer = new MilvusIngestConfigurationConfigurer();
        int checked = 0;
        for (var it = props.fields(); it.hasNext(); ) {
            var p = it.next();
            if (p.getValue().has("defaultValue") && "io.milvusingest.camel.MilvusIngestConfiguration"
                    .equals(p.getValue().path("configurationClass").asText())) {
                Object value = configurer.getOptionValue(fresh, p.getKey(), false);
                assertThat(String.valueOf(value)).as(p.getKey())
                        .isEqualTo(p.getValue().get("defaultValue").asText());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void should_map_the_options_to_the_core_configuration() {
        MilvusIngestConfiguration options = new MilvusIngestConfiguration();
        options.setCollection("docs");
        options.setMilvusUri("http://localhost:19530");
        options.setToken("root:Milvus");
        options.setChunkSize(200);
        options.setChunkOverlap(20);
        options.setStream(true);
        options.setOcr(false);
        options.setEmbedProvider("openai");
        options.setEmbedBaseUrl("http://localhost:8000/v1");
        options.setEmbedModel("nv-embedqa");
        options.setEmbedApiKey("s3cret");

        IngestConfig c = options.toIngestConfig(HOME);

        assertThat(c.milvus().uri()).isEqualTo("http://localhost:19530");
        assertThat(c.milvus().token()).isEqualTo("root:Milvus");
        assertThat(c.chunkSize()).isEqualTo(200);
        assertThat(c.chunkOverlap()).isEqualTo(20);
        assertThat(c.bulk().stream()).isTrue();
        assertThat(c.ocr().enabled()).isFalse();
        assertThat(c.remoteEmbedder().model()).isEqualTo("nv-embedqa");
        assertThat(c.remoteEmbedder().apiKey()).isEqualTo("s3cret");
        assertThat(c.remoteEmbedder().toString()).doesNotContain("s3cret");
    }

    @Test
    void should_name_the_option_of_an_invalid_value() {
        MilvusIngestConfiguration options = new MilvusIngestConfiguration();
        options.setCollection("docs");
        options.setChunkOverlap(384);

        assertThatThrownBy(() -> options.toIngestConfig(HOME)).hasMessageContaining("chunkOverlap");
    }
}
