package io.milvusingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConfigTest {
    private static final Duration EXTRACT = Duration.ofMinutes(5);

    @Test
    void should_default_the_poll_interval_to_the_extraction_timeout_plus_the_embedding_headroom() {
        KafkaConfig k = KafkaConfig.from(ConfigSource.of(Map.of()), EXTRACT, 2, Path.of("/app"));
        assertThat(k.maxPollIntervalMs()).isEqualTo(EXTRACT.toMillis() + KafkaConfig.EMBED_HEADROOM_MS);
        assertThat(k.workTopic()).isEqualTo("milvus-ingest.work");
        assertThat(k.failedTopic()).isEqualTo("milvus-ingest.failed");
        assertThat(k.consumers()).isEqualTo(2);
        assertThat(k.plannerLockDir()).isEqualTo(Path.of("/app/data/planner-lock"));
        assertThat(k.inbox()).isFalse();
        assertThat(k.bulk()).isFalse();
        assertThat(k.stagedTopic()).isEqualTo("milvus-ingest.staged");
        assertThat(k.bulkWindowMs()).isEqualTo(10_000);
    }

    @Test
    void should_refuse_a_bulk_window_of_zero() {
        assertThatThrownBy(() -> KafkaConfig.from(ConfigSource.of(Map.of("kafka.bulk.window-ms", "0")),
                EXTRACT, 2, Path.of("/app")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.bulk.window-ms");
    }

    @Test
    void should_refuse_a_poll_interval_a_single_extraction_could_exceed() {
        assertThatThrownBy(() -> KafkaConfig.from(ConfigSource.of(Map.of("kafka.max-poll-interval-ms", "300000")),
                EXTRACT, 2, Path.of("/app")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.max-poll-interval-ms")
                .hasMessageContaining("extract.timeout-ms");
    }

    @Test
    void should_refuse_brokers_without_a_port() {
        assertThatThrownBy(() -> KafkaConfig.from(ConfigSource.of(Map.of("kafka.brokers", "kafka1,kafka2:9092")),
                EXTRACT, 2, Path.of("/app")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.brokers");
    }
}
