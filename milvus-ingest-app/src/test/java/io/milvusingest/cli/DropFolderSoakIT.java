package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.MilvusWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ingest run} (its own JVM, as a user starts it) on an inbox into which 200 mixed files are dropped at
 * once, in nested folders: text, Markdown, HTML, small real PDFs (Apache Tika's test documents), and bad ones
 * (corrupt PDFs, unsupported types, empty and blank files, links leaving the inbox). The inbox ends empty, every file
 * has exactly one terminal state ({@code .done/} or {@code .failed/} with its error record, at its relative path),
 * and the run report agrees with the folders, line for line.
 */
@ExtendWith(MilvusLiteExtension.class)
class DropFolderSoakIT {
    private static final int FILES = 200;
    private static final int PDFS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOLDERS = List.of("", "team-a", "team-a/2026", "team-a/2026/q4", "team-b",
            "team-b/notes", "team-b/notes/old", "shared");
    private static final String[] WORDS = ("otter heron badger glacier lantern orchard quarry harbour meadow "
            + "compass furnace ledger beacon canyon thistle walnut").split(" ");

    @TempDir
    Path tmp;

    @Test
    void should_leave_an_empty_inbox_one_terminal_state_per_file_and_a_report_that_agrees(MilvusLiteServer lite)
            throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path outside = Files.writeString(tmp.resolve("private.txt"), "A private note outside the inbox.");
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        Map<String, String> expected = stage(staging, outside, Files.createDirectories(tmp.resolve("pdfs"))); // relative path -> "done" or an error kind
        assertThat(expected).hasSize(FILES);

        String collection = MilvusLiteExtension.collectionName("soak");
        List<String> cmd = List.of("bin/ingest", "run", "--collection", collection, "-p", "milvus.recreate=true",
                "-p", "milvus.uri=" + lite.uri(), "-p", "milvus.stream=true", "-p", "milvus.commit.min-interval-ms=0",
                "-p", "ingest.inbox=" + inbox, "-p", "ingest.poll-delay-ms=500", "-p", "health.port=0",
                "-p", "ingest.report-dir=" + tmp.resolve("reports"));
        Path log = tmp.resolve("run.log");
        Process app = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long t0 = 0;
        try {
            awaitLog(log, "watching ", app);
            t0 = System.nanoTime();
            try (Stream<Path> top = Files.list(staging)) { // dropped at once: one rename per top-level entry
                for (Path entry : top.toList()) {
                    Files.move(entry, inbox.resolve(entry.getFileName()));
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!visible(inbox).isEmpty()) {
                assertThat(app.isAlive()).as("bin/ingest run still running").isTrue();
                assertThat(System.nanoTime()).as("inbox emptied within 3 min; left: " + visible(inbox))
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        } finally {
            app.destroy(); // SIGTERM: camel-main stops, the report gets its summary line
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        String out = Files.readString(log, StandardCharsets.UTF_8);

        // one terminal state per file: its relative path in .done/ or in .failed/ (with the record), never both
        Map<String, String> actual = new TreeMap<>();
        for (String rel : expected.keySet()) {
            boolean done = Files.exists(inbox.resolve(".done").resolve(rel), LinkOption.NOFOLLOW_LINKS);
            Path failed = inbox.resolve(".failed").resolve(rel);
            boolean isFailed = Files.exists(failed, LinkOption.NOFOLLOW_LINKS);
            assertThat(done && isFailed).as(rel + " in both .done/ and .failed/").isFalse();
            if (done) {
                actual.put(rel, "done");
            } else if (isFailed) {
                actual.put(rel, JSON.readTree(failed.resolveSibling(failed.getFileName() + ".error.json").toFile())
                        .get("kind").asText());
            } else {
                actual.put(rel, "missing");
            }
        }
        assertThat(files(inbox.resolve(".done")).size() + files(inbox.resolve(".failed")).size())
                .as("no file in .done/ or .failed/ besides the dropped ones and their records")
                .isEqualTo(FILES + actual.values().stream().filter(s -> !s.equals("done")).count());
        Map<String, String> expectedButPdfs = new TreeMap<>(expected);
        expectedButPdfs.replaceAll((rel, state) -> state.equals("pdf") ? actual.get(rel) : state);
        assertThat(actual).isEqualTo(expectedButPdfs);
        assertThat(actual.values()).doesNotContain("missing", "INTERNAL");

        // the report: one line per file, the same outcome, and a summary that adds up
        Path report = Path.of(out.lines().filter(l -> l.startsWith("report: ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no report line (a SIGTERM closes the session):\n" + out))
                .substring(8).trim());
        Map<String, String> reported = new TreeMap<>();
        JsonNode summary = null;
        for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            if (n.has("summary")) {
                summary = n.get("summary");
            } else if (n.get("status").asText().equals("ingested")) {
                String rel = inbox.relativize(Path.of(n.get("source").asText())).toString();
                assertThat(reported.put(rel, "done")).as("one line for " + rel).isNull();
            } else {
                assertThat(reported.put(n.get("file").asText(), n.get("kind").asText())).as("one line").isNull();
            }
        }
        assertThat(reported).isEqualTo(actual);
        long done = actual.values().stream().filter("done"::equals).count();
        assertThat(summary).as("the report's summary line").isNotNull();
        assertThat(summary.get("ingested").asLong()).isEqualTo(done);
        assertThat(summary.get("failed").asLong()).isEqualTo(FILES - done);

        // and the ingested ones are in Milvus under their full path
        MilvusClientV2 client = MilvusConnector.connect(lite.uri());
        try {
            MilvusWriter rows = new MilvusWriter(client, collection);
            for (Map.Entry<String, String> e : actual.entrySet()) {
                if (e.getValue().equals("done")) {
                    assertThat(rows.count(Filters.sourceIdEquals(inbox.resolve(e.getKey()).toString())))
                            .as("rows of " + e.getKey()).isPositive();
                }
            }
        } finally {
            client.close();
        }
        Map<String, Long> byState = new TreeMap<>();
        actual.values().forEach(s -> byState.merge(s, 1L, Long::sum));
        System.out.printf("soak: %d files dropped at once in %d folders: inbox empty after %d s; %s%n", FILES,
                FOLDERS.size(), seconds, byState);
    }

    /** @return the visible (not hidden) files, links and folders left in the inbox */
    private static List<Path> visible(Path inbox) throws IOException {
        try (Stream<Path> all = Files.walk(inbox)) {
            return all.filter(p -> !p.equals(inbox))
                    .filter(p -> !inbox.relativize(p).toString().startsWith(".")).toList();
        } catch (java.io.UncheckedIOException e) { // a drained folder removed while walked: not empty yet
            return List.of(inbox.resolve("(walking)"));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    /**
     * Writes the 200 files into staging's folders.
     *
     * @return relative path -> expected end: "done", "pdf" (a real PDF: done, or the kind Tika's sample earns) or
     *         the error kind
     */
    private static Map<String, String> stage(Path staging, Path outside, Path pdfDir) throws IOException {
        Map<String, String> expected = new HashMap<>();
        List<Path> pdfs = tikaPdfs(pdfDir);
        int n = 0;
        for (Path pdf : pdfs) {
            n = add(staging, expected, n, "pdf-" + n + ".pdf", "pdf", f -> Files.copy(pdf, f));
        }
        while (expected.size() < 80) {
            int i = n;
            n = add(staging, expected, n, "note-" + n + ".txt", "done", f -> Files.writeString(f, sentence(i)));
        }
        while (expected.size() < 120) {
            int i = n;
            n = add(staging, expected, n, "page-" + n + ".md", "done",
                    f -> Files.writeString(f, "# Note " + i + "\n\n" + sentence(i) + "\n\n- " + sentence(i + 7)));
        }
        while (expected.size() < 160) {
            int i = n;
            n = add(staging, expected, n, "page-" + n + ".html", "done", f -> Files.writeString(f,
                    "<html><head><title>Page " + i + "</title></head><body><h1>Page " + i + "</h1><p>" + sentence(i)
                            + "</p></body></html>"));
        }
        while (expected.size() < 170) {
            int i = n;
            n = add(staging, expected, n, "broken-" + n + ".pdf", "CORRUPT",
                    f -> Files.writeString(f, "%PDF-1.7 this is not really a PDF " + i));
        }
        while (expected.size() < 178) {
            n = add(staging, expected, n, "data-" + n + ".xyz", "UNSUPPORTED", f -> Files.writeString(f, "binary?"));
        }
        while (expected.size() < 186) {
            n = add(staging, expected, n, "empty-" + n + ".txt", "EMPTY", Files::createFile);
        }
        while (expected.size() < 194) {
            n = add(staging, expected, n, "blank-" + n + ".md", "EMPTY", f -> Files.writeString(f, "  \n\n \t\n"));
        }
        while (expected.size() < FILES) {
            n = add(staging, expected, n, "link-" + n + ".txt", "FORBIDDEN", f -> Files.createSymbolicLink(f, outside));
        }
        return expected;
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    private static int add(Path staging, Map<String, String> expected, int n, String name, String end, Writer w)
            throws IOException {
        String folder = FOLDERS.get(n % FOLDERS.size());
        Path file = Files.createDirectories(staging.resolve(folder)).resolve(name);
        w.write(file);
        expected.put(staging.relativize(file).toString(), end);
        return n + 1;
    }

    private static String sentence(int i) {
        StringBuilder s = new StringBuilder("Record " + i + ":");
        for (int k = 0; k < 12; k++) {
            s.append(' ').append(WORDS[(i * 7 + k * 3) % WORDS.length]);
        }
        return s.append('.').toString();
    }

    /** Copies the {@value #PDFS} smallest PDFs of Apache Tika's test documents (a test-scoped dependency) to dir. */
    private static List<Path> tikaPdfs(Path dir) throws IOException {
        URI jar = URI.create("jar:" + DropFolderSoakIT.class.getResource("/test-documents/testPDF.pdf").toString()
                .replaceFirst("^jar:", "").replaceFirst("!.*$", ""));
        List<Path> copies = new ArrayList<>();
        try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of());
             Stream<Path> docs = Files.list(fs.getPath("/test-documents"))) {
            List<Path> smallest = docs.filter(p -> p.toString().endsWith(".pdf"))
                    .sorted(Comparator.comparingLong(DropFolderSoakIT::size)).limit(PDFS).toList();
            for (Path pdf : smallest) {
                copies.add(Files.copy(pdf, dir.resolve(pdf.getFileName().toString())));
            }
        }
        return copies;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitLog(Path log, String text, Process app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            assertThat(app.isAlive()).as("bin/ingest run exited early:\n" + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("'" + text + "' in the log").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
