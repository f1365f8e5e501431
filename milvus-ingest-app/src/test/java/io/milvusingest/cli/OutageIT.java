package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Milvus outage in the middle of a drop-folder run: the Milvus Lite server is stopped for 30 s while files
 * arrive. Health reports DOWN meanwhile, the files wait in the inbox (transient failures are redelivered with
 * backoff, not failed), and once the server is back on the same port every file is ingested, none lost.
 */
class OutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void should_ride_out_a_30_s_milvus_outage_with_health_DOWN_and_nothing_lost(@TempDir Path tmp) throws Exception {
        MilvusLiteExtension.requireExecutable();
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path data = tmp.resolve("milvus");
        MilvusLiteServer lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, data);
        int port = lite.port();
        int healthPort = freePort();
        Map<String, String> p = new HashMap<>(Map.of(
                "ingest.inbox", inbox.toString(), "ingest.poll-delay-ms", "200", "ingest.report-dir", tmp.resolve("reports").toString(),
                "milvus.uri", lite.uri(), "milvus.collection", "outage", "milvus.recreate", "true",
                // 0.5 + 1 + 2 + 4 x 12 s: about 50 s of redelivery, longer than the outage
                "ingest.retry.attempts", "16", "ingest.retry.initial-delay-ms", "500", "ingest.retry.max-delay-ms", "4000",
                "health.port", Integer.toString(healthPort)));
        p.put("milvus.stream", "true"); // Milvus Lite has no bulk import
        p.put("milvus.commit.min-interval-ms", "0"); // Milvus Lite (behind http) has no flush quota
        IngestConfig config = IngestConfig.from(ConfigSource.load(Path.of("config/application.properties"), p), Path.of("."));
        try (AppRuntime runtime = AppRuntime.start(config); RunningRoutes routes = RunningRoutes.start(runtime)) {
            drop(inbox, "before.txt", "Written before the outage: lighthouses guide ships along rocky coasts.");
            await(routes, "before.txt done", () -> Files.exists(inbox.resolve(".done/before.txt")));
            await(routes, "health UP", () -> health(healthPort).statusCode() == 200);
            assertThat(health(healthPort).body()).contains("milvus").contains("embedding-model");

            lite.close();
            long stopped = System.nanoTime();
            drop(inbox, "during-1.txt", "Written during the outage: glaciers carve valleys over millennia.");
            drop(inbox, "during-2.txt", "Also during the outage: bees communicate by dancing in the hive.");
            await(routes, "health DOWN", () -> health(healthPort).statusCode() == 503);
            assertThat(health(healthPort).body()).contains("DOWN");
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stopped) / 1_000_000));
            assertThat(inbox.resolve("during-1.txt")).as("waits in the inbox while Milvus is down").exists();
            assertThat(inbox.resolve(".failed")).doesNotExist();

            lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, data, port, Duration.ofSeconds(60));
            await(routes, "both files done", () -> Files.exists(inbox.resolve(".done/during-1.txt"))
                    && Files.exists(inbox.resolve(".done/during-2.txt")));
            assertThat(inbox.resolve(".failed")).doesNotExist();
            // a restarted Milvus Lite forgets which collections were loaded (upserts work, queries need a
            // load); bin/ingest search loads the collection itself
            new CollectionManager(runtime.client()).loadForSearch("outage", 384);
            for (String name : new String[] {"before.txt", "during-1.txt", "during-2.txt"}) {
                String id = inbox.resolve(name).toAbsolutePath().normalize().toString();
                assertThat(runtime.writer().count(Filters.sourceIdEquals(id))).as(name).isEqualTo(1);
            }
            await(routes, "health UP again", () -> health(healthPort).statusCode() == 200);
        } finally {
            lite.close();
        }
    }

    private HttpResponse<String> health(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void drop(Path inbox, String name, String text) throws IOException {
        Path tmp = Files.writeString(inbox.resolveSibling(name), text);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void await(RunningRoutes routes, String what, Callable<Boolean> condition)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            if (routes.failure() != null) {
                throw new AssertionError("the routes stopped", routes.failure());
            }
            try {
                if (condition.call()) {
                    return;
                }
            } catch (IOException e) {
                // the health server is not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
