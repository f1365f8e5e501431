package io.milvusingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SyncConfigTest {
    private static final Path HOME = Path.of("/opt/app");

    private static SyncConfig sync(Map<String, String> file, Map<String, String> env) {
        Properties p = new Properties();
        p.putAll(file);
        return IngestConfig.from(new ConfigSource(p, env, Map.of()), HOME).sync();
    }

    @Test
    void should_be_disabled_with_documented_defaults_when_nothing_is_set() {
        SyncConfig s = sync(Map.of(), Map.of());
        assertThat(s.enabled()).isFalse();
        assertThat(s.deletes()).isTrue();
        assertThat(s.delayMs()).isEqualTo(60_000);
        assertThat(s.stateDir()).isEqualTo(Path.of("/opt/app/data/sync"));
        assertThat(s.include()).containsExactly("pdf", "docx", "pptx", "txt", "md", "markdown", "html", "htm", "png",
                "jpg", "jpeg", "tif", "tiff");
        assertThat(s.overrideEndpoint()).isFalse();
        assertThat(s.accessKey()).isNull();
    }

    @Test
    void should_read_a_minio_setup_from_environment_variables() {
        SyncConfig s = sync(Map.of("sync.bucket", "from-file"), Map.of("SYNC_ENABLED", "true", "SYNC_BUCKET", "docs",
                "SYNC_PREFIX", "reports/", "SYNC_S3_URI_ENDPOINT_OVERRIDE", "http://localhost:9000",
                "SYNC_S3_FORCE_PATH_STYLE", "true", "SYNC_S3_ACCESS_KEY", "ak", "SYNC_S3_SECRET_KEY", "sk-secret"));
        assertThat(s.bucket()).isEqualTo("docs");
        assertThat(s.sourceIdPrefix()).isEqualTo("s3://docs/reports/");
        assertThat(s.overrideEndpoint()).isTrue();
        assertThat(s.endpointOverride()).isEqualTo("http://localhost:9000");
        assertThat(s.forcePathStyle()).isTrue();
        assertThat(s.toString()).doesNotContain("sk-secret");
    }

    @Test
    void should_name_the_key_of_an_invalid_value() {
        assertThatThrownBy(() -> sync(Map.of("sync.enabled", "true"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sync.bucket");
        assertThatThrownBy(() -> sync(Map.of("sync.bucket", "My_Bucket"), Map.of()))
                .hasMessageContaining("sync.bucket='My_Bucket'");
        assertThatThrownBy(() -> sync(Map.of("sync.s3.uri-endpoint-override", "localhost:9000"), Map.of()))
                .hasMessageContaining("sync.s3.uri-endpoint-override");
        assertThatThrownBy(() -> sync(Map.of("sync.s3.access-key", "ak"), Map.of()))
                .hasMessageContaining("sync.s3.secret-key");
        assertThatThrownBy(() -> sync(Map.of("sync.delay-ms", "soon"), Map.of()))
                .hasMessageContaining("sync.delay-ms='soon'");
    }
}
