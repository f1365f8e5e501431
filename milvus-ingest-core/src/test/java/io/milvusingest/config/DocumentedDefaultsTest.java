package io.milvusingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code config/application.properties} documents every key with its default; the defaults themselves are
 * written once, in the code that reads and validates each key. This keeps the two in step: the documented file,
 * loaded as a user's file, must give exactly the configuration of no file at all, and every key the code reads
 * must be in it. Both key families are covered: the pipeline's and scale-out's ({@code kafka.*}).
 */
class DocumentedDefaultsTest {
    private static final Path DOCUMENTED = Path.of("config", "application.properties");
    private static final Path HOME = Path.of("/opt/app");
    /** Keys read only once a feature is on, with the values it requires; the same on both sides. */
    private static final Map<String, String> FEATURES_ON = Map.of(
            "embed.provider", "openai", "embed.remote.url", "http://127.0.0.1:1/v1", "embed.remote.model", "m",
            "caption.enabled", "true", "caption.url", "http://127.0.0.1:1/v1", "caption.model", "m",
            "search.rerank", "remote", "search.rerank.url", "http://127.0.0.1:1/v1", "search.rerank.model", "m");

    @Test
    void should_configure_exactly_as_the_code_defaults_when_the_documented_file_is_loaded() throws IOException {
        Properties documented = documented();

        assertThat(config(documented, Map.of())).isEqualTo(config(new Properties(), Map.of()));
        assertThat(config(documented, FEATURES_ON)).isEqualTo(config(new Properties(), FEATURES_ON));
    }

    @Test
    void should_document_every_key_the_code_reads_and_read_every_key_documented() throws IOException {
        Set<String> read = new TreeSet<>();
        Properties recording = new Properties() {
            @Override
            public String getProperty(String key) {
                read.add(key);
                return super.getProperty(key);
            }
        };
        config(recording, Map.of());
        recording.putAll(FEATURES_ON); // from the file too, so the keys they unlock are recorded
        config(recording, Map.of());

        Set<String> documented = new TreeSet<>(documented().stringPropertyNames());
        assertThat(documented).as("keys read by the code, documented in %s", DOCUMENTED).containsAll(read);
        assertThat(read).as("keys documented in %s, read by the code", DOCUMENTED).containsAll(documented);
    }

    @Test
    void should_fail_when_a_documented_default_differs_from_the_code() throws IOException {
        Properties wrong = documented();
        wrong.setProperty("chunk.size", "512");

        assertThat(config(wrong, Map.of())).isNotEqualTo(config(new Properties(), Map.of()));
    }

    /**
     * The configuration of every key family: the pipeline's ({@link IngestConfig}) and scale-out's
     * ({@link KafkaConfig}, read only in Kafka mode, from the same file). Environment left out, so the machine's
     * variables cannot mask a difference.
     */
    private static List<Object> config(Properties file, Map<String, String> flags) {
        ConfigSource source = new ConfigSource(file, Map.of(), flags);
        IngestConfig ingest = IngestConfig.from(source, HOME);
        return List.of(ingest, KafkaConfig.from(source, ingest.limits().timeout(), ingest.pipelining().workers(), HOME));
    }

    private static Properties documented() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(DOCUMENTED, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
