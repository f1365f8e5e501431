package io.milvusingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.rerank.RemoteRerankerOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The {@code search.rerank.*} keys. */
class RerankConfigTest {
    private static final Map<String, String> REMOTE = Map.of("search.rerank", "remote",
            "search.rerank.url", "http://127.0.0.1:8000/v1", "search.rerank.model", "nvidia/llama-3.2-nv-rerankqa-1b-v2");

    private static IngestConfig config(Map<String, String> file, Map<String, String> env) {
        Properties p = new Properties();
        p.putAll(file);
        return IngestConfig.from(new ConfigSource(p, env, Map.of()), Path.of("/opt/app"));
    }

    @Test
    void should_not_rerank_by_default() {
        assertThat(config(Map.of(), Map.of()).rerank()).isNull();
    }

    @Test
    void should_read_the_remote_reranker_with_its_key_from_the_named_environment_variable() {
        RemoteRerankerOptions r = config(REMOTE, Map.of("NVIDIA_API_KEY", "k-789")).rerank();

        assertThat(r).isEqualTo(new RemoteRerankerOptions(URI.create("http://127.0.0.1:8000/v1"),
                "nvidia/llama-3.2-nv-rerankqa-1b-v2", "k-789", 20, Duration.ofSeconds(30), 3,
                RemoteRerankerOptions.BACKOFF));
        assertThat(r.toString()).doesNotContain("k-789");
    }

    @Test
    void should_read_top_n_and_another_key_variable() {
        Map<String, String> file = new java.util.HashMap<>(REMOTE);
        file.put("search.rerank.top-n", "50");
        file.put("search.rerank.api-key-env", "RERANK_KEY");

        RemoteRerankerOptions r = config(file, Map.of("RERANK_KEY", "k-1", "NVIDIA_API_KEY", "k-2")).rerank();

        assertThat(r.topN()).isEqualTo(50);
        assertThat(r.apiKey()).isEqualTo("k-1");
    }

    @Test
    void should_name_the_key_of_a_missing_or_invalid_value() {
        assertThatThrownBy(() -> config(Map.of("search.rerank", "local"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.rerank='local' must be one of none, remote");
        assertThatThrownBy(() -> config(Map.of("search.rerank", "remote", "search.rerank.model", "m"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.rerank.url=''");
        assertThatThrownBy(() -> config(Map.of("search.rerank", "remote", "search.rerank.url", "http://h/v1"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.rerank.model must be set");
        Map<String, String> zero = new java.util.HashMap<>(REMOTE);
        zero.put("search.rerank.top-n", "0");
        assertThatThrownBy(() -> config(zero, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.rerank.top-n=0");
    }
}
