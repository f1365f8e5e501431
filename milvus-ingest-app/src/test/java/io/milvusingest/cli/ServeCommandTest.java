package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void theEmbeddedServerBindsToServeHostAndPortWithABodyLimitAndSharesItWithHealthAndMetrics() {
        IngestConfig config = IngestConfig.from(ConfigSource.load(null, Map.of()), Path.of("/opt"));
        Properties p = HttpService.properties(config.serve());
        assertThat(p).containsEntry("camel.server.enabled", "true").containsEntry("camel.server.host", "127.0.0.1")
                .containsEntry("camel.server.port", "8000")
                .containsEntry("camel.server.maxBodySize", Long.toString(16L << 20))
                // one server, one port: the management server (health, metrics) is told the same host and port
                .containsEntry("camel.management.host", "127.0.0.1").containsEntry("camel.management.port", "8000")
                .containsEntry("camel.management.metricsEnabled", "true")
                .containsEntry("camel.management.healthCheckEnabled", "true");
    }
}
