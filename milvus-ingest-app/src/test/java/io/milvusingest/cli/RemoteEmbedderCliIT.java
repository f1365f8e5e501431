package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.embed.StubEmbeddingServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ingest files} with {@code embed.provider=openai} against a local STUB embedding server
 * ({@link StubEmbeddingServer}, not a model): the remote embedder is wired in, gets the API key from the named
 * environment variable, never prints it, and start-up fails clearly on a dimension mismatch.
 */
class RemoteEmbedderCliIT {
    private static final Path TXT = Path.of("..", "shared", "corpus", "nv-ingest", "test.txt");
    private static final String KEY = "stub-key-456";

    @TempDir
    Path data;
    private StubEmbeddingServer stub;

    record Result(int exit, String output) {
    }

    @BeforeEach
    void start() throws IOException {
        stub = new StubEmbeddingServer(8);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void should_ingest_with_the_remote_embedder_and_the_key_from_the_environment() throws Exception {
        Result r = run("8");

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("ok ").contains("test.txt").contains("model stub-embedder (8 dims)")
                .doesNotContain(KEY);
        assertThat(stub.requests).anySatisfy(q -> assertThat(q.body().path("input_type").asText()).isEqualTo("passage"));
        assertThat(stub.requests).allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer " + KEY));
    }

    @Test
    void should_refuse_to_start_when_the_remote_dimension_differs_from_the_configured_one() throws Exception {
        Result r = run("16");

        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("embed.remote.dimensions=16 but model stub-embedder returns 8-dimensional vectors")
                .doesNotContain(KEY);
    }

    private Result run(String dimensions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bin/ingest", "files", TXT.toString(), "--collection", "remote_it",
                "-p", "milvus.uri=" + data.resolve("milvus"), "-p", "embed.provider=openai",
                "-p", "embed.remote.url=" + stub.baseUrl(), "-p", "embed.remote.model=stub-embedder",
                "-p", "embed.remote.dimensions=" + dimensions, "-p", "embed.remote.api-key-env=STUB_EMBEDDER_KEY"));
        Path log = Files.createTempFile(data, "cli", ".out");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STUB_EMBEDDER_KEY", KEY);
        Process p = builder.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("bin/ingest finished").isTrue();
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
