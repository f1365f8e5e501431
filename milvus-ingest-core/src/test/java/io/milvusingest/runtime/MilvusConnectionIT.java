package io.milvusingest.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * milvus.call-timeout-ms reaches the client: a Milvus that stops answering (its process paused with SIGSTOP, as a
 * hung server or a network partition looks to the client) fails a call after the deadline instead of the 5-minute
 * default, and the same client works again once the server answers. Uses a Milvus Lite of its own, since it pauses it.
 */
class MilvusConnectionIT {

    @Test
    void aCallToAMilvusThatStopsAnsweringFailsAtTheConfiguredDeadline() throws Exception {
        MilvusLiteExtension.requireExecutable();
        Path data = Files.createTempDirectory("milvus-deadline-it-");
        try (MilvusLiteServer lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, data.resolve("milvus"))) {
            IngestConfig.MilvusConfig m = IngestConfig.from(ConfigSource.of(Map.of("milvus.uri", lite.uri(),
                    "milvus.call-timeout-ms", "2000", "milvus.connect-timeout-ms", "5000")), data).milvus();
            assertThat(m.callTimeout()).isEqualTo(Duration.ofSeconds(2));
            try (MilvusConnection connection = MilvusConnection.open(m, data)) {
                assertThat(connection.client().hasCollection(hasCollection("none"))).isFalse();

                signal("STOP", lite.process().pid());
                long started = System.nanoTime();
                try {
                    assertThatThrownBy(() -> connection.client().hasCollection(hasCollection("none")))
                            .isInstanceOf(RuntimeException.class);
                } finally {
                    signal("CONT", lite.process().pid());
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("failed at the 2 s deadline, not the 5 min default")
                        .isBetween(Duration.ofMillis(1900), Duration.ofSeconds(30));

                assertThat(connection.client().hasCollection(hasCollection("none"))).as("answers again").isFalse();
            }
        }
    }

    private static io.milvus.v2.service.collection.request.HasCollectionReq hasCollection(String name) {
        return io.milvus.v2.service.collection.request.HasCollectionReq.builder().collectionName(name).build();
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }
}
