package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.extract.Corpus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ingest files} on every file of {@code ../shared/corpus/bad} and {@code odd} with the user passwords
 * of {@code EXPECTED.tsv} configured: the run goes on past every failure, each file reaches exactly one
 * terminal state within the time budget (so do Apache Tika's 51 PDF test documents), the state is the one EXPECTED.tsv gives, and no password leaks.
 */
class BadCorpusIT {
    private static final Path CORPUS = Corpus.ROOT;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Expected(String file, String status, String password) {
    }

    @Test
    void should_give_every_bad_and_odd_pdf_its_expected_terminal_state_without_leaking_passwords(@TempDir Path tmp)
            throws Exception {
        Corpus.file("EXPECTED.tsv"); // fails, never skips, without the shared corpus
        List<Expected> expected = expected();
        List<String> passwords = expected.stream().map(Expected::password).filter(p -> !p.isEmpty()).toList();
        Path config = tmp.resolve("test.properties");
        // a canary no document opens with: it is tried on every encrypted file, so it must never be echoed
        String canary = "canary-Pw-7731";
        Files.writeString(config, "extract.pdf.passwords=" + canary + "," + String.join(",", passwords) + "\n"
                + "extract.timeout-ms=60000\n", StandardCharsets.UTF_8);

        Path tika = Files.createDirectories(tmp.resolve("tika"));
        List<String> tikaPdfs = copyTikaPdfs(tika);
        BinIngest run = BinIngest.run(tmp, Map.of(), "files", CORPUS.resolve("bad").toString(),
                CORPUS.resolve("odd").toString(), tika.toString(), "--recreate", "--config", config.toString(),
                "--collection", "bad_corpus", "-p", "milvus.uri=" + tmp.resolve("milvus"),
                "-p", "ingest.report-dir=" + tmp.resolve("reports"));

        Map<String, JsonNode> byFile = new LinkedHashMap<>();
        for (String line : Files.readAllLines(run.report(), StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            if (node.has("file")) {
                assertThat(byFile.put(node.get("file").asText(), node)).as("one terminal state for " + node).isNull();
            }
        }
        List<String> wrong = new ArrayList<>();
        // Apache Tika's PDF test documents: any terminal state, but never a crash or a hang
        tikaPdfs.forEach(name -> expected.add(new Expected(name, "ANY", "")));
        for (Expected e : expected) {
            String name = Path.of(e.file()).getFileName().toString();
            JsonNode got = byFile.get(name);
            if (got == null) {
                wrong.add(name + ": no terminal state");
                continue;
            }
            String status = got.get("status").asText().equals("ingested") ? "OK" : got.get("kind").asText();
            Set<String> allowed = switch (e.status()) {
                case "ANY" -> Set.of(status);
                // with its password configured, an encrypted file opens: OK, or EMPTY for a blank page
                case "ENCRYPTED" -> Set.of("OK", "EMPTY");
                default -> Set.of(e.status());
            };
            if (!allowed.contains(status)) {
                wrong.add(name + ": expected " + allowed + ", got " + status + " " + got);
            }
            assertThat(status).as(name + " must not crash (INTERNAL) or time out").isNotIn("INTERNAL", "TIMEOUT");
        }
        assertThat(wrong).as("files whose terminal state differs from EXPECTED.tsv").isEmpty();
        String everything = run.out() + run.err() + Files.readString(run.report(), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain(canary);
        // short passwords ("623", "view") could occur in counts or words by chance: only long ones are checked
        for (String password : passwords.stream().filter(p -> p.length() >= 5).toList()) {
            assertThat(everything).as("output and report never show a configured password").doesNotContain(password);
        }
    }

    private static List<String> copyTikaPdfs(Path dir) throws Exception {
        URI jar = URI.create("jar:" + BadCorpusIT.class.getResource("/test-documents/testPDF.pdf").toString()
                .replaceFirst("^jar:", "").replaceFirst("!.*$", ""));
        List<String> names = new ArrayList<>();
        try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of());
             Stream<Path> docs = Files.list(fs.getPath("/test-documents"))) {
            for (Path pdf : docs.filter(p -> p.toString().endsWith(".pdf")).toList()) {
                names.add(pdf.getFileName().toString());
                Files.copy(pdf, dir.resolve(pdf.getFileName().toString()));
            }
        }
        return names;
    }

    private static List<Expected> expected() throws Exception {
        List<Expected> rows = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            rows.add(new Expected(f[0], f[1], f.length > 2 ? f[2] : ""));
        }
        return rows;
    }
}
