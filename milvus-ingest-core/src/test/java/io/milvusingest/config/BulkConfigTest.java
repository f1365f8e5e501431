package io.milvusingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BulkConfigTest {
    static BulkConfig bulk(Map<String, String> flags) {
        return IngestConfig.from(new ConfigSource(new Properties(), Map.of(), flags), Path.of("/app")).bulk();
    }

    @Test
    void should_default_to_parquet_staged_under_files_in_milvus_default_bucket() {
        BulkConfig c = bulk(Map.of());
        assertThat(c.stream()).isFalse();
        assertThat(c.threshold()).isEqualTo(5_000);
        assertThat(c.format()).isEqualTo("parquet");
        assertThat(c.endpoint().toString()).isEqualTo("http://localhost:9000");
        assertThat(c.bucket()).isEqualTo("a-bucket");
        assertThat(c.prefix()).isEqualTo("files/bulk-import");
        assertThat(c.fileMaxBytes()).isEqualTo(1024L << 20);
    }

    @Test
    void should_use_https_when_tls_is_on_and_trim_slashes_of_the_prefix() {
        BulkConfig c = bulk(Map.of("milvus.bulk.tls", "true", "milvus.bulk.endpoint", "s3.amazonaws.com",
                "milvus.bulk.prefix", "/files/x/"));
        assertThat(c.endpoint().toString()).isEqualTo("https://s3.amazonaws.com");
        assertThat(c.prefix()).isEqualTo("files/x");
    }

    @Test
    void should_name_the_key_of_an_invalid_value() {
        assertThatThrownBy(() -> bulk(Map.of("milvus.bulk.format", "csv"))).hasMessageContaining("milvus.bulk.format='csv'");
        assertThatThrownBy(() -> bulk(Map.of("milvus.bulk.file-max-mb", "20000")))
                .hasMessageContaining("milvus.bulk.file-max-mb=20000 exceeds Milvus's limit");
        assertThatThrownBy(() -> bulk(Map.of("milvus.bulk.threshold", "-1"))).hasMessageContaining("milvus.bulk.threshold");
        assertThatThrownBy(() -> bulk(Map.of("milvus.bulk.bucket", "Bad_Bucket"))).hasMessageContaining("milvus.bulk.bucket");
        assertThatThrownBy(() -> bulk(Map.of("milvus.bulk.endpoint", "http://minio:9000", "milvus.bulk.tls", "true")))
                .hasMessageContaining("disagrees with milvus.bulk.tls=true");
        assertThatThrownBy(() -> IngestConfig.from(new ConfigSource(new Properties(), Map.of(),
                Map.of("milvus.index.type", "ivf")), Path.of("/app"))).hasMessageContaining("milvus.index.type='ivf'");
    }
}
