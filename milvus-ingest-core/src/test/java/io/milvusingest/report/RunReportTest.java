package io.milvusingest.report;

import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import io.milvusingest.model.StageTimings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_write_one_line_per_input_as_it_ends_then_a_summary(@TempDir Path dir) throws Exception {
        SourceDocument doc = new SourceDocument(dir.resolve("a.pdf"), "/in/a.pdf", "a.pdf", 10, Instant.EPOCH);
        Path file;
        try (RunReport report = RunReport.open(dir.resolve("reports"), "files")) {
            file = report.file();
            report.succeeded(new DocumentResult(doc, 3, 7, 2100, 7, 2, new StageTimings(10, 2, 300, 5)));
            report.failed("b.pdf", IngestException.of(ErrorKind.ENCRYPTED, Stage.EXTRACT, "needs a password")
                    .source("/in/b.pdf").page(1).build());
            // durable before close: a crashed run still leaves what it did
            assertThat(Files.readAllLines(file)).hasSize(2);
            report.failed("c.bin", new IllegalStateException("boom"));
        }
        assertThat(file.getFileName().toString()).startsWith("files-").endsWith(".jsonl");
        List<JsonNode> lines = Files.readAllLines(file).stream().map(RunReportTest::parse).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("status").asText()).isEqualTo("ingested");
        assertThat(lines.get(0).get("chunks").asInt()).isEqualTo(7);
        assertThat(lines.get(0).get("tokens").asLong()).isEqualTo(2100);
        assertThat(lines.get(0).get("rows_deleted").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("ms").get("embed").asLong()).isEqualTo(300);
        assertThat(lines.get(1).get("status").asText()).isEqualTo("failed");
        assertThat(lines.get(1).get("kind").asText()).isEqualTo("ENCRYPTED");
        assertThat(lines.get(1).get("stage").asText()).isEqualTo("extract");
        assertThat(lines.get(1).get("page").asInt()).isEqualTo(1);
        assertThat(lines.get(2).get("kind").asText()).isEqualTo("INTERNAL");
        JsonNode summary = lines.get(3).get("summary");
        assertThat(summary.get("ingested").asInt()).isEqualTo(1);
        assertThat(summary.get("failed").asInt()).isEqualTo(2);
        assertThat(summary.get("tokens").asLong()).isEqualTo(2100);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
