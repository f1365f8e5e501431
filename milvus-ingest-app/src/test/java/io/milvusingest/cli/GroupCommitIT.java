package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop folder's group commit ({@code milvusCommit} after the {@code milvus-ingest} step) against the test run's real
 * Milvus Lite: several files dropped at once all end in {@code .done/}, each only after a flush, with fewer
 * flushes than files, and every file's rows are counted afterwards.
 */
@ExtendWith(MilvusLiteExtension.class)
class GroupCommitIT {
    private static final int FILES = 6;

    @TempDir
    Path tmp;

    @Test
    void should_move_every_file_to_done_after_a_shared_flush_with_fewer_flushes_than_files(MilvusLiteServer server)
            throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Map<String, String> settings = new HashMap<>(Map.of(
                "ingest.inbox", inbox.toString(),
                "ingest.poll-delay-ms", "200",
                "ingest.report-dir", tmp.resolve("reports").toString(),
                "health.port", "0",
                "chunk.size", "48",
                "chunk.overlap", "8",
                "milvus.uri", server.uri(),
                "milvus.collection", MilvusLiteExtension.collectionName("group_commit"),
                "milvus.recreate", "true",
                "milvus.stream", "true"));
        // files reach the commit step about 1 s apart (the inbox's changed read lock); 4 s windows group them
        settings.put("milvus.commit.min-interval-ms", "4000");
        IngestConfig config = IngestConfig.from(ConfigSource.load(Path.of("config/application.properties"), settings),
                Path.of("."));
        try (AppRuntime runtime = AppRuntime.start(config); RunningRoutes routes = RunningRoutes.start(runtime)) {
            Map<String, String> texts = new HashMap<>();
            for (int i = 0; i < FILES; i++) {
                texts.put("doc-" + i + ".txt", ("Document " + i + " is about the harvest of crop number " + i
                        + " in the northern valley, where farmers store grain in wooden barns. ").repeat(6));
            }
            for (Map.Entry<String, String> t : texts.entrySet()) { // written beside, moved in: never half-read
                Path side = Files.writeString(tmp.resolve(t.getKey()), t.getValue(), StandardCharsets.UTF_8);
                Files.move(side, inbox.resolve(t.getKey()), StandardCopyOption.ATOMIC_MOVE);
            }

            List<String> pending = new ArrayList<>(texts.keySet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (!pending.isEmpty()) {
                assertThat(routes.failure()).as("the routes started").isNull();
                assertThat(System.nanoTime()).as("all files in .done/ within 45 s; still waiting for " + pending)
                        .isLessThan(deadline);
                for (String name : List.copyOf(pending)) {
                    if (Files.exists(inbox.resolve(".done").resolve(name))) {
                        // the commit step lets a file go only once a flush that started after its write ended
                        assertThat(runtime.commit().flushes()).as("flushes when " + name + " reached .done/")
                                .isPositive();
                        pending.remove(name);
                    }
                }
                Thread.sleep(50);
            }

            long flushes = runtime.commit().flushes();
            System.out.println("GroupCommitIT: " + FILES + " files committed by " + flushes + " flushes");
            assertThat(flushes).as("flushes for " + FILES + " files").isBetween(1L, (long) FILES - 1);
            assertThat(inbox.resolve(".failed")).as("no file failed").doesNotExist();
            for (String name : texts.keySet()) {
                String sourceId = inbox.resolve(name).toAbsolutePath().normalize().toString();
                assertThat(runtime.writer().count(Filters.sourceIdEquals(sourceId))).as("rows of " + name)
                        .isGreaterThan(1);
            }
        }
    }
}
