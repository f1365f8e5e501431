package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/existing-estate}, a separate Maven project that depends only on the component artifact and
 * Camel, built and tested as its users would ({@code mvn verify}) against Milvus Lite: its Java DSL route and its
 * YAML route through the Kamelet ingest a file each, and its test finds both by search. Runs in this module, so
 * that in {@code mvn install} (bin/test) the component is already in the local repository.
 */
@ExtendWith(MilvusLiteExtension.class)
class ExistingEstateIT {
    private static final Path EXAMPLE = Path.of("examples", "existing-estate");

    @Test
    void should_build_and_pass_the_existing_estate_example(MilvusLiteServer server, @TempDir Path tmp) throws Exception {
        assertThat(EXAMPLE.resolve("pom.xml")).exists();
        Path log = tmp.resolve("mvn.log");
        Process mvn = new ProcessBuilder(List.of("mvn", "-B", "-f", EXAMPLE.resolve("pom.xml").toString(),
                "verify", "-Dmilvus.uri=" + server.uri()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(mvn.waitFor(10, TimeUnit.MINUTES)).as("mvn verify of the example finished").isTrue();
        String out = Files.readString(log);

        assertThat(mvn.exitValue()).as(out).isZero();
        assertThat(out).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0").contains("BUILD SUCCESS");
    }
}
