package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.extract.Corpus;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.SearchHit;
import io.milvusingest.milvus.SearchMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code routes/drop-folder.camel.yaml} as {@code bin/ingest run} starts it (camel-main, YAML DSL, the real
 * bge-small model) against the test run's real Milvus Lite server: files dropped in the inbox end in
 * {@code .done/} or {@code .failed/} with a classified {@code .error.json}, and their rows are searchable.
 */
@ExtendWith(MilvusLiteExtension.class)
class DropFolderIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path inbox;
    private static AppRuntime runtime;
    private static RunningRoutes routes;

    @BeforeAll
    static void startTheRoutes(MilvusLiteServer server) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "ingest.inbox", inbox.toString(),
                "ingest.poll-delay-ms", "200",
                "ingest.report-dir", inbox.resolveSibling(inbox.getFileName() + "-reports").toString(),
                "health.port", "0",
                // small chunks, so a page of text gives several rows and a shorter version fewer
                "chunk.size", "48",
                "chunk.overlap", "8",
                "milvus.uri", server.uri(),
                "milvus.collection", MilvusLiteExtension.collectionName("drop_folder"),
                "milvus.recreate", "true",
                // Milvus Lite served over http has no object storage or import: stream (else the start-up bucket
                // check of bulk import fails, as it should for a real server without MinIO)
                "milvus.stream", "true"));
        // Milvus Lite (here behind an http URI, which would mean a server's 10 s) has no flush quota
        settings.put("milvus.commit.min-interval-ms", "0");
        IngestConfig config = IngestConfig.from(ConfigSource.load(Path.of("config/application.properties"), settings),
                Path.of("."));
        runtime = AppRuntime.start(config);
        routes = RunningRoutes.start(runtime);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (routes != null) {
            routes.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void should_move_an_ingested_pdf_to_done_with_its_pages_searchable() throws Exception {
        Path pdf = Corpus.file("nv-ingest/multimodal_test.pdf");
        drop(pdf, "multimodal_test.pdf");
        awaitFile(inbox.resolve(".done/multimodal_test.pdf"));

        List<SearchHit> hits = searcher().search("Which animal is driving a car at the beach?", 3, SearchMode.HYBRID,
                Filters.sourceIdEquals(sourceId("multimodal_test.pdf")));
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).pageNumber()).as("NeMo's 0-based first page").isZero();
        assertThat(hits.get(0).page()).isEqualTo(1);
        assertThat(hits.get(0).text()).contains("Driving a car");
        assertThat(inbox.resolve("multimodal_test.pdf")).doesNotExist();
    }

    @Test
    void should_move_a_corrupt_pdf_to_failed_with_a_CORRUPT_error_file() throws Exception {
        Path bad = Corpus.file("bad/qpdf-bad1.pdf");
        drop(bad, "broken.pdf");
        JsonNode error = awaitError("broken.pdf");
        assertThat(error.get("kind").asText()).isEqualTo("CORRUPT");
        assertThat(error.get("stage").asText()).isEqualTo("extract");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("time").asText()).isNotBlank();
        assertThat(inbox.resolve(".failed/broken.pdf")).exists();
    }

    @Test
    void should_move_unsupported_and_empty_files_to_failed_with_their_kind() throws Exception {
        write("photo.xyz", "not a document type we read");
        write("blank.txt", "   \n\n ");
        assertThat(awaitError("photo.xyz").get("kind").asText()).isEqualTo("UNSUPPORTED");
        assertThat(awaitError("blank.txt").get("kind").asText()).isEqualTo("EMPTY");
    }

    @Test
    void should_replace_a_changed_file_s_rows_without_stale_or_duplicate_chunks() throws Exception {
        String v1 = "Marmalade is made from the peel and juice of bitter Seville oranges boiled with sugar. ".repeat(12);
        write("notes.txt", v1);
        awaitDoneWith("notes.txt", v1);
        String filter = Filters.sourceIdEquals(sourceId("notes.txt"));
        long before = runtime.writer().count(filter);
        assertThat(before).as("rows of version 1").isGreaterThan(3);

        String v2 = "Gooseberries are tart green berries that grow on thorny bushes.";
        write("notes.txt", v2);
        awaitDoneWith("notes.txt", v2);
        assertThat(runtime.writer().count(filter)).as("rows of version 2").isEqualTo(1);
        List<SearchHit> old = searcher().search("Seville marmalade", 10, SearchMode.SPARSE, filter);
        assertThat(old).as("no chunk of version 1 is left").isEmpty();
        List<SearchHit> now = searcher().search("gooseberries", 10, SearchMode.HYBRID, filter);
        assertThat(now).singleElement().satisfies(h -> assertThat(h.text()).contains("Gooseberries"));
    }

    @Test
    void should_return_both_a_lexical_only_and_a_semantic_only_match_in_hybrid_search() throws Exception {
        // semantic match: about cat food, shares no term with the query; lexical match: shares only the part code
        String semantic = "Cats need a diet rich in animal protein, and kittens eat several small meals a day.";
        String lexical = "Part number QX7731 is a stainless steel hex bolt sold in boxes of fifty.";
        write("hybrid-semantic.txt", semantic);
        write("hybrid-lexical.txt", lexical);
        write("hybrid-other-1.txt", "The night train left the mountain station at exactly twelve minutes past ten.");
        write("hybrid-other-2.txt", "Quarterly revenue rose by four percent on stronger software licence sales.");
        for (String name : List.of("hybrid-semantic.txt", "hybrid-lexical.txt", "hybrid-other-1.txt",
                "hybrid-other-2.txt")) {
            awaitFile(inbox.resolve(".done/" + name));
        }
        String query = "feline nutrition guidance QX7731";
        // Milvus Lite rejects 'in' on a JSON key, so the four names are or-ed
        String onlyThese = Stream.of("semantic", "lexical", "other-1", "other-2")
                .map(n -> Filters.sourceIdEquals(sourceId("hybrid-" + n + ".txt"))).collect(Collectors.joining(" or "));

        List<SearchHit> sparse = searcher().search(query, 4, SearchMode.SPARSE, onlyThese);
        assertThat(names(sparse)).contains("hybrid-lexical.txt").doesNotContain("hybrid-semantic.txt");
        List<SearchHit> dense = searcher().search(query, 4, SearchMode.DENSE, onlyThese);
        assertThat(names(dense).get(0)).isEqualTo("hybrid-semantic.txt");
        List<SearchHit> hybrid = searcher().search(query, 2, SearchMode.HYBRID, onlyThese);
        assertThat(names(hybrid)).containsExactlyInAnyOrder("hybrid-lexical.txt", "hybrid-semantic.txt");
    }

    private static List<String> names(List<SearchHit> hits) {
        return hits.stream().map(h -> Path.of(h.sourceName()).getFileName().toString()).toList();
    }

    private static HybridSearcher searcher() {
        return runtime.searcher();
    }

    private static String sourceId(String name) {
        return inbox.resolve(name).toAbsolutePath().normalize().toString();
    }

    /** Writes beside the inbox, then moves in, so the consumer never sees a half-written file. */
    private static void write(String name, String text) throws IOException {
        Path tmp = Files.writeString(inbox.resolveSibling(inbox.getFileName() + "-" + name), text,
                StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void drop(Path file, String name) throws IOException {
        Files.copy(file, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonNode awaitError(String name) throws Exception {
        Path json = inbox.resolve(".failed/" + name + ".error.json");
        awaitFile(inbox.resolve(".failed/" + name));
        awaitFile(json);
        return new ObjectMapper().readTree(json.toFile());
    }

    /** Waits until the file left the inbox and a version of it in .done/ holds text (a re-dropped name is stamped). */
    private static void awaitDoneWith(String name, String text) throws Exception {
        int dot = name.lastIndexOf('.');
        String versions = java.util.regex.Pattern.quote(name.substring(0, dot))
                + "(\\.\\d{4}-\\d{2}-\\d{2}T\\d{6}Z(-\\d+)?)?" + java.util.regex.Pattern.quote(name.substring(dot));
        await("a version of " + name + " in .done/ holds the new text", () -> {
            if (Files.exists(inbox.resolve(name))) {
                return false;
            }
            try (Stream<Path> done = Files.list(inbox.resolve(".done"))) {
                return done.filter(f -> f.getFileName().toString().matches(versions)).anyMatch(f -> {
                    try {
                        return Files.readString(f, StandardCharsets.UTF_8).equals(text);
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        });
    }

    private static void awaitFile(Path file) throws Exception {
        await(file + " exists", () -> Files.exists(file));
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (routes.failure() != null) {
                throw new AssertionError("the routes did not start", routes.failure());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
