package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code bin/ingest run} partway through an inbox of 24 real PDFs (Apache Tika's test
 * documents), then a restart: the collection ends with exactly the primary keys of a clean run, none missing
 * and none duplicated. The killed app's Milvus Lite server outlives it; the restart must take it over.
 */
class CrashSafetyIT {
    private static final int PDFS = 24;

    @Test
    void should_end_with_the_primary_keys_of_a_clean_run_after_a_kill_9_and_restart(@TempDir Path tmp)
            throws Exception {
        MilvusLiteExtension.requireExecutable();
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        copyTikaPdfs(inbox);
        String data = tmp.resolve("milvus").toString();

        // the clean run reads the same paths, so its source ids (and so primary keys) are the inbox's
        BinIngest clean = BinIngest.run(tmp, Map.of(), "files", inbox.toString(), "--collection", "clean",
                "--recreate", "-p", "milvus.uri=" + data, "-p", "ingest.report-dir=" + tmp.resolve("reports"));
        assertThat(clean.out()).contains("files: ");

        List<String> run = List.of("bin/ingest", "run", "--collection", "crashed", "-p", "milvus.uri=" + data,
                "-p", "ingest.inbox=" + inbox, "-p", "ingest.poll-delay-ms=200", "-p", "health.port=0",
                "-p", "ingest.report-dir=" + tmp.resolve("reports"));
        Process first = start(run, tmp.resolve("first.log"));
        await("a few files done", () -> count(inbox.resolve(".done")) >= 4, first);
        first.destroyForcibly(); // SIGKILL: no shutdown hook runs, Milvus Lite is orphaned
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pdfsLeft(inbox)).as("killed partway").isPositive();

        Process second = start(run, tmp.resolve("second.log"));
        await("the inbox emptied", () -> pdfsLeft(inbox) == 0, second);
        second.destroy(); // SIGTERM: a clean stop
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        try (MilvusLiteServer lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, Path.of(data))) {
            MilvusClientV2 client = MilvusConnector.connect(lite.uri());
            try {
                TreeSet<Long> expected = keys(client, "clean");
                TreeSet<Long> actual = keys(client, "crashed");
                assertThat(expected).hasSizeGreaterThan(PDFS);
                assertThat(actual).as("no primary key missing or extra").isEqualTo(expected);
                assertThat(rowCount(client, "crashed")).as("no row duplicated").isEqualTo(expected.size());
            } finally {
                client.close();
            }
        }
    }

    private static void copyTikaPdfs(Path inbox) throws IOException {
        URI jar = URI.create("jar:" + CrashSafetyIT.class.getResource("/test-documents/testPDF.pdf").toString()
                .replaceFirst("^jar:", "").replaceFirst("!.*$", ""));
        try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of());
             Stream<Path> docs = Files.list(fs.getPath("/test-documents"))) {
            for (Path pdf : docs.filter(p -> p.toString().endsWith(".pdf")).sorted().limit(PDFS).toList()) {
                Files.copy(pdf, inbox.resolve(pdf.getFileName().toString()));
            }
        }
    }

    private static TreeSet<Long> keys(MilvusClientV2 client, String collection) {
        new CollectionManager(client).loadForSearch(collection, 384);
        TreeSet<Long> keys = new TreeSet<>();
        client.query(QueryReq.builder().collectionName(collection).filter("pk >= 0").outputFields(List.of("pk"))
                        .limit(16_384).consistencyLevel(ConsistencyLevel.STRONG).build())
                .getQueryResults().forEach(r -> keys.add((Long) r.getEntity().get("pk")));
        return keys;
    }

    private static long rowCount(MilvusClientV2 client, String collection) {
        return (Long) client.query(QueryReq.builder().collectionName(collection).outputFields(List.of("count(*)"))
                .consistencyLevel(ConsistencyLevel.STRONG).build()).getQueryResults().get(0).getEntity().get("count(*)");
    }

    private static Process start(List<String> cmd, Path log) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).count();
        }
    }

    private static long pdfsLeft(Path inbox) throws IOException {
        return count(inbox);
    }

    private static void await(String what, Callable<Boolean> condition, Process app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.call()) {
            if (!app.isAlive()) {
                throw new AssertionError("bin/ingest run exited (" + app.exitValue() + ") before " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
