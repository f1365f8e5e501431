package io.milvusingest.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalog JSON that camel-component-maven-plugin generates declares every option once, with its default and
 * description, tokens and keys as secrets; the .adoc lists each of them with that default, and each header.
 */
class ComponentDocsTest {
    private static final Path DOC = Path.of("camel-milvus-ingest/src/main/docs/milvus-ingest-component.adoc");

    private static JsonNode catalog() throws Exception {
        try (InputStream in = ComponentDocsTest.class.getResourceAsStream(
                "/META-INF/io/milvusingest/camel/milvus-ingest.json")) {
            assertThat(in).as("generated catalog on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void should_declare_every_option_with_a_description_and_mark_secrets() throws Exception {
        JsonNode props = catalog().get("properties");

        assertThat(props.fieldNames()).toIterable().contains("collection", "operation", "milvusUri", "token",
                "milvusClient", "chunkSize", "chunkOverlap", "embedProvider", "embedBaseUrl", "embedApiKey",
                "embedder", "extractText", "extractTables", "extractImages", "ocr", "stream", "bulkThreshold",
                "recreate", "indexType", "searchMode", "topK", "filter");
        props.fields().forEachRemaining(p -> assertThat(p.getValue().get("description").asText())
                .as(p.getKey()).isNotBlank());
        assertThat(props.get("token").get("secret").asBoolean()).isTrue();
        assertThat(props.get("embedApiKey").get("secret").asBoolean()).isTrue();
        assertThat(props.get("chunkSize").get("defaultValue").asInt()).isEqualTo(384);
    }

    @Test
    void should_list_every_option_with_its_default_and_every_header_in_the_adoc() throws Exception {
        String doc = Files.readString(DOC);
        JsonNode c = catalog();
        for (String section : List.of("componentProperties", "properties")) {
            c.get(section).fields().forEachRemaining(p -> {
                JsonNode def = p.getValue().get("defaultValue");
                String row = doc.lines().filter(l -> l.startsWith("| *" + p.getKey() + "* ")).findFirst()
                        .orElseThrow(() -> new AssertionError(p.getKey() + " is not in " + DOC
                                + ": run camel-milvus-ingest/src/main/docs/render-options.py"));
                if (def != null) {
                    assertThat(row).as(p.getKey()).contains(" | " + def.asText() + " | ");
                }
            });
        }
        c.get("headers").fieldNames().forEachRemaining(h -> assertThat(doc).contains("`" + h + "`"));
        assertThat(doc).contains("${exception.transient}").contains("maximumRedeliveries");
    }

    @Test
    void should_ship_the_kamelet_with_its_secrets_marked() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/kamelets/milvus-ingest-sink.kamelet.yaml")) {
            assertThat(in).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> kamelet = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(in, Map.class);
            JsonNode k = new ObjectMapper().valueToTree(kamelet);
            assertThat(k.at("/metadata/name").asText()).isEqualTo("milvus-ingest-sink");
            assertThat(k.at("/metadata/labels/camel.apache.org~1kamelet.type").asText()).isEqualTo("sink");
            JsonNode props = k.at("/spec/definition/properties");
            props.fields().forEachRemaining(p -> {
                assertThat(p.getValue().get("title").asText()).as(p.getKey()).isNotBlank();
                assertThat(p.getValue().get("description").asText()).as(p.getKey()).isNotBlank();
            });
            for (String secret : List.of("token", "embedApiKey")) {
                assertThat(props.get(secret).get("format").asText()).isEqualTo("password");
                assertThat(props.get(secret).get("x-descriptors").get(0).asText())
                        .isEqualTo("urn:camel:group:credentials");
            }
            assertThat(props.get("chunkSize").get("default").asInt()).isEqualTo(384);
        }
    }
}
