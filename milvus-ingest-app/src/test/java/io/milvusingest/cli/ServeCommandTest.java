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
    void theEmbeddedServerBindsToServeHostAndPortWithABodyLimit() {
        IngestConfig config = IngestConfig.from(ConfigSource.load(null, Map.of()), Path.of("/opt"));
        Properties p = ServeCommand.serverProperties(config);
        assertThat(p).containsEntry("camel.server.enabled", "true").containsEntry("camel.server.host", "127.0.0.1")
                .containsEntry("camel.server.port", "8000")
                .containsEntry("camel.server.maxBodySize", Long.toString(16L << 20));
    }
}
