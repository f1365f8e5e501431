package io.milvusingest.cli;

import io.milvusingest.app.CamelApp;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunCommandTest {
    private static final Path ROUTES = Path.of("routes");

    @Test
    void should_leave_the_bucket_sync_route_out_of_bin_ingest_run_unless_sync_is_enabled() {
        assertThat(CamelApp.routeFiles(ROUTES, false)).extracting(p -> p.getFileName().toString())
                .contains("drop-folder.camel.yaml").doesNotContain("bucket-sync.camel.yaml");
        assertThat(CamelApp.routeFiles(ROUTES, true)).extracting(p -> p.getFileName().toString())
                .contains("drop-folder.camel.yaml", "bucket-sync.camel.yaml");
    }
}
