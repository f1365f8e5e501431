package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.SearchHit;
import io.milvusingest.milvus.SearchMode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people and attackers really drop, against {@code routes/drop-folder.camel.yaml} as {@code bin/ingest run}
 * starts it (camel-main, the real model), the test run's Milvus Lite and the real file system: symbolic links
 * leaving the inbox (also one swapped after the consumer listed it), links to folders, empty files, dropped folder
 * trees, names dropped twice; and where the health endpoint listens.
 */
@ExtendWith(MilvusLiteExtension.class)
class DropFolderHardeningIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A time-stamped name, as the archive gives a newer file whose name is taken. */
    private static final String STAMP = "\\.\\d{4}-\\d{2}-\\d{2}T\\d{6}Z(-\\d+)?";

    @TempDir
    static Path root;
    private static Path inbox;
    private static Path outside;
    private static int healthPort;
    private static AppRuntime runtime;
    private static RunningRoutes routes;

    @BeforeAll
    static void startTheRoutes(MilvusLiteServer server) throws Exception {
        inbox = Files.createDirectories(root.resolve("inbox"));
        outside = Files.createDirectories(root.resolve("private"));
        healthPort = freePort();
        Map<String, String> settings = new HashMap<>(Map.of(
                "ingest.inbox", inbox.toString(),
                "ingest.poll-delay-ms", "200",
                "ingest.max-depth", "3",
                "ingest.report-dir", root.resolve("reports").toString(),
                "health.port", Integer.toString(healthPort),
                "milvus.uri", server.uri(),
                "milvus.collection", MilvusLiteExtension.collectionName("drop_hardening"),
                "milvus.recreate", "true",
                "milvus.stream", "true", // Milvus Lite has no bulk import
                "milvus.commit.min-interval-ms", "0")); // nor a flush quota
        // health.host and ingest.follow-symlinks are left at their defaults (127.0.0.1, inside)
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
    void should_refuse_a_link_leaving_the_inbox_and_keep_its_target_out_of_the_collection() throws Exception {
        Path secret = Files.writeString(outside.resolve("vault.txt"), "The vault combination is quartz heron 7781.");
        Files.createSymbolicLink(inbox.resolve("notes.txt"), secret);

        JsonNode error = awaitError("notes.txt");
        assertThat(error.get("kind").asText()).isEqualTo("FORBIDDEN");
        assertThat(error.get("message").asText()).contains("notes.txt").doesNotContain("vault").doesNotContain("quartz");
        assertThat(inbox.resolve(".failed/notes.txt")).isSymbolicLink(); // the link moved, its target did not
        assertThat(secret).hasContent("The vault combination is quartz heron 7781.");
        assertNotSearchable("The vault combination is quartz heron 7781.");
        assertThat(runtime.writer().count(Filters.sourceIdEquals(inbox.resolve("notes.txt").toString()))).isZero();
    }

    @Test
    void should_refuse_a_link_swapped_to_point_outside_after_the_consumer_listed_it() throws Exception {
        Path harmless = Files.writeString(Files.createDirectories(inbox.resolve(".shared")).resolve("harmless.txt"),
                "Harmless shared notes about the canteen menu.");
        Path secret = Files.writeString(outside.resolve("payroll.txt"), "Payroll: the director earns 912 zlotys.");
        Path link = inbox.resolve("swap.txt");
        Files.createSymbolicLink(link, inbox.relativize(harmless));
        // the consumer has listed the link (pointing inside) once its read lock marker appears; the read lock then
        // waits for the size to settle (readLockCheckInterval, 1 s) before the route runs: swap it meanwhile
        await("the consumer holds swap.txt", () -> Files.exists(inbox.resolve("swap.txt.camelLock")));
        Path swapped = Files.createSymbolicLink(root.resolve("swap-new"), secret);
        Files.move(swapped, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        JsonNode error = awaitError("swap.txt");
        assertThat(error.get("kind").asText()).isEqualTo("FORBIDDEN");
        assertThat(error.get("message").asText()).startsWith("swap.txt is a symbolic link leading outside the inbox");
        assertNotSearchable("Payroll: the director earns 912 zlotys.");
    }

    @Test
    void should_follow_a_link_that_stays_inside_the_inbox() throws Exception {
        Path target = Files.writeString(Files.createDirectories(inbox.resolve(".library")).resolve("otters.md"),
                "Sea otters hold hands while they sleep so that they do not drift apart.");
        Files.createSymbolicLink(inbox.resolve("otters.md"), inbox.relativize(target));
        awaitFile(inbox.resolve(".done/otters.md"));
        assertThat(runtime.writer().count(Filters.sourceIdEquals(inbox.resolve("otters.md").toString()))).isPositive();
    }

    @Test
    void should_refuse_a_link_to_a_folder_or_to_nothing_and_leave_the_folder_untouched() throws Exception {
        Path folder = Files.createDirectories(outside.resolve("hr"));
        Files.writeString(folder.resolve("salaries.txt"), "Salaries of the marmot keepers are confidential.");
        Files.createSymbolicLink(inbox.resolve("hr"), folder);

        JsonNode error = awaitError("hr");
        assertThat(error.get("kind").asText()).isEqualTo("FORBIDDEN");
        assertThat(error.get("message").asText()).isEqualTo("hr is a symbolic link to a folder; links to folders are"
                + " never followed");
        assertThat(inbox.resolve(".failed/hr")).isSymbolicLink();
        assertThat(inbox.resolve("hr")).doesNotExist();
        assertThat(folder.resolve("salaries.txt")).exists();
        assertNotSearchable("Salaries of the marmot keepers are confidential.");

        Files.createSymbolicLink(inbox.resolve("gone.txt"), outside.resolve("deleted-long-ago.txt"));
        assertThat(awaitError("gone.txt").get("message").asText())
                .isEqualTo("gone.txt is a symbolic link whose target does not exist");
    }

    @Test
    void should_fail_an_empty_file_as_EMPTY_within_one_poll() throws Exception {
        long t0 = System.nanoTime();
        Files.createFile(inbox.resolve("empty.txt"));
        JsonNode error = awaitError("empty.txt");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(error.get("kind").asText()).isEqualTo("EMPTY");
        // one poll (200 ms) and the read lock's one size check (1 s), then the pipeline's refusal
        assertThat(ms).as("ms until .failed/").isLessThan(5_000);
        assertThat(inbox.resolve("empty.txt")).doesNotExist();
        assertThat(inbox.resolve("empty.txt.camelLock")).doesNotExist();
    }

    @Test
    void should_ingest_a_dropped_folder_tree_of_three_levels_mirror_it_and_remove_the_drained_folders()
            throws Exception {
        Path tree = Files.createDirectories(root.resolve("drag/project/level2/level3"));
        Files.writeString(root.resolve("drag/project/readme.txt"), "The project builds a glacier monitoring station.");
        Files.writeString(root.resolve("drag/project/level2/plan.md"), "# Plan\n\nInstall the anemometer in March.");
        Files.writeString(tree.resolve("report.html"), "<html><body><p>The ice shelf retreated eleven metres.</p>"
                + "</body></html>");
        Files.writeString(tree.resolve("readme.txt"), "Level three readme: calibrate the thermistors weekly.");
        Files.writeString(root.resolve("drag/project/level2/level3/.scratch.txt"), "a hidden draft");
        Files.createDirectories(root.resolve("drag/project/level2/level3/.cache"));
        Files.writeString(root.resolve("drag/project/level2/level3/.cache/blob.txt"), "a hidden folder's file");
        Path tooDeep = Files.createDirectories(root.resolve("drag/deep/one/two/three"));
        Files.writeString(tooDeep.resolve("too-deep.txt"), "Four levels down: beyond ingest.max-depth=3.");
        Files.move(root.resolve("drag/project"), inbox.resolve("project")); // dropped at once, as a drag and drop does
        Files.move(root.resolve("drag/deep"), inbox.resolve("deep"));

        for (String file : List.of("project/readme.txt", "project/level2/plan.md", "project/level2/level3/report.html",
                "project/level2/level3/readme.txt")) {
            awaitFile(inbox.resolve(".done").resolve(file));
            assertThat(runtime.writer().count(Filters.sourceIdEquals(inbox.resolve(file).toString())))
                    .as("rows of %s under its full path", file).isPositive();
        }
        List<SearchHit> hits = runtime.searcher().search("How far did the ice shelf retreat?", 1, SearchMode.HYBRID,
                null);
        assertThat(hits.get(0).sourceId()).isEqualTo(inbox.resolve("project/level2/level3/report.html").toString());
        // hidden files and folders stay where they were, so their folders are not empty and stay too
        assertThat(inbox.resolve("project/level2/level3/.scratch.txt")).exists();
        assertThat(inbox.resolve("project/level2/level3/.cache/blob.txt")).exists();
        assertThat(inbox.resolve(".done/project/level2/level3/.scratch.txt")).doesNotExist();
        Files.delete(inbox.resolve("project/level2/level3/.scratch.txt"));
        Files.delete(inbox.resolve("project/level2/level3/.cache/blob.txt"));
        Files.delete(inbox.resolve("project/level2/level3/.cache"));
        await("the drained project folders are removed", () -> !Files.exists(inbox.resolve("project")));
        assertThat(inbox.resolve("deep/one/two/three/too-deep.txt")).as("deeper than ingest.max-depth").exists();
        assertThat(inbox.resolve(".done/deep")).doesNotExist();
    }

    @Test
    void should_keep_both_originals_when_the_same_name_is_dropped_twice() throws Exception {
        drop("twice.txt", "First version: the heron nests by the north pond.");
        awaitFile(inbox.resolve(".done/twice.txt"));
        drop("twice.txt", "Second version: the heron moved to the south reeds.");
        await("the second twice.txt in .done/", () -> stamped(".done", "twice", ".txt").size() == 1);
        assertThat(inbox.resolve(".done/twice.txt")).hasContent("First version: the heron nests by the north pond.");
        assertThat(stamped(".done", "twice", ".txt").get(0)).hasContent("Second version: the heron moved to the"
                + " south reeds.");

        drop("broken.pdf", "not a PDF, first drop");
        awaitError("broken.pdf");
        drop("broken.pdf", "not a PDF, second drop");
        await("the second broken.pdf in .failed/", () -> stamped(".failed", "broken", ".pdf").size() == 1);
        Path second = stamped(".failed", "broken", ".pdf").get(0);
        awaitFile(second.resolveSibling(second.getFileName() + ".error.json"));
        assertThat(inbox.resolve(".failed/broken.pdf")).hasContent("not a PDF, first drop");
        assertThat(second).hasContent("not a PDF, second drop");
        assertThat(JSON.readTree(second.resolveSibling(second.getFileName() + ".error.json").toFile())
                .get("kind").asText()).isEqualTo("CORRUPT");
        assertThat(JSON.readTree(inbox.resolve(".failed/broken.pdf.error.json").toFile()).get("kind").asText())
                .isEqualTo("CORRUPT");
    }

    @Test
    void should_serve_health_on_loopback_and_not_on_another_interface_of_the_machine() throws Exception {
        await("the health endpoint answers on 127.0.0.1", () -> {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + healthPort + "/observe/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"status\"");
            } catch (ConnectException e) {
                return false;
            }
        });
        // Linux routes all of 127.0.0.0/8 to the loopback interface: a socket bound to every interface (0.0.0.0)
        // answers on 127.0.0.2, so a refusal there below comes from the endpoint's binding, not from the machine
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (ServerSocket wildcard = new ServerSocket(0); Socket s = new Socket(other, wildcard.getLocalPort())) {
            assertThat(s.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(other, healthPort), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    /** Searches for the secret's own text, lexically and semantically: no row holds it. */
    private static void assertNotSearchable(String secret) {
        for (SearchMode mode : List.of(SearchMode.SPARSE, SearchMode.DENSE)) {
            assertThat(runtime.searcher().search(secret, 10, mode, null)).as(mode.name())
                    .noneSatisfy(h -> assertThat(h.text()).contains(secret));
        }
    }

    /** @return the time-stamped versions of base + ext in the folder, e.g. .done/twice.2026-12-01T130301Z.txt */
    private static List<Path> stamped(String folder, String base, String ext) throws IOException {
        try (Stream<Path> files = Files.list(inbox.resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().matches(base + STAMP + ext.replace(".", "\\.")))
                    .sorted().toList();
        }
    }

    /** Writes beside the inbox, then moves in, so the consumer never sees a half-written file. */
    private static void drop(String name, String text) throws IOException {
        Path tmp = Files.writeString(root.resolve("staging-" + name), text, StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonNode awaitError(String name) throws Exception {
        Path json = inbox.resolve(".failed/" + name + ".error.json");
        awaitFile(json);
        awaitFile(inbox.resolve(".failed/" + name));
        return JSON.readTree(json.toFile());
    }

    /** Waits until the file, or the link (which may dangle once moved), exists. */
    private static void awaitFile(Path file) throws Exception {
        await(file + " exists", () -> Files.exists(file, LinkOption.NOFOLLOW_LINKS));
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
            Thread.sleep(10);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
