package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.extract.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands as a user runs them: {@code bin/ingest files} on NeMo Retriever's sample folder, then
 * {@code bin/ingest search}, each a separate JVM starting its own embedded Milvus Lite on the same data folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIT {
    private static final Path NV_INGEST = Path.of("..", "shared", "corpus", "nv-ingest");

    // static: JUnit injects static @TempDir fields before @BeforeAll, which needs the folder
    @TempDir
    static Path data;

    private Result files;

    record Result(int exit, String out) {
    }

    @BeforeAll
    void ingestTheSampleFolder() throws Exception {
        Corpus.dir("nv-ingest"); // fails, never skips, without the shared corpus
        files = run("files", NV_INGEST.toString(), "--recreate");
    }

    @Test
    void should_ingest_every_supported_sample_document_and_print_a_summary() {
        assertThat(files.out).contains("ok      multimodal_test.pdf").contains("files: ").contains("chunks/s");
        assertThat(files.out).contains("skipping files of types not in ingest.include");
        assertThat(files.out).doesNotContain("FAILED  multimodal_test.pdf");
    }

    @Test
    void should_rank_a_multimodal_test_chunk_first_for_a_question_about_it() throws Exception {
        Result search = run("search", "Which animal is driving a car at the beach?", "--json", "--top-k", "3");
        assertThat(search.exit).as(search.out).isZero();
        JsonNode hits = new ObjectMapper().readTree(search.out.substring(search.out.indexOf('[')));
        assertThat(hits).hasSize(3);
        JsonNode first = hits.get(0);
        // The PDF, the DOCX, the PPTX and the PNG (OCR) all hold Table 1, as text and as a Markdown table.
        assertThat(first.get("source_name").asText()).startsWith("multimodal_test.");
        assertThat(first.get("content_type").asText()).isIn("text", "table");
        assertThat(first.get("text").asText()).contains("Driving a car");
        assertThat(first.has("score")).isTrue();
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bin/ingest"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--collection", "cli_it", "-p", "milvus.uri=" + data.resolve("milvus")));
        Path log = Files.createTempFile(data, "cli", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("bin/ingest finished").isTrue();
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
