package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code bin/ingest run} on one inbox: the second refuses to start, so no file is ingested twice. */
class InboxLockIT {

    @Test
    void should_refuse_a_second_instance_on_the_same_inbox_naming_the_first(@TempDir Path tmp) throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path log = tmp.resolve("first.log");
        Process first = new ProcessBuilder(List.of("bin/ingest", "run", "--collection", "lock_it",
                "-p", "milvus.uri=" + tmp.resolve("milvus"), "-p", "ingest.inbox=" + inbox, "-p", "health.port=0",
                "-p", "ingest.report-dir=" + tmp.resolve("reports")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!Files.readString(log).contains("watching " + inbox)) {
                assertThat(first.isAlive()).as("first instance running: " + Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("first instance started").isLessThan(deadline);
                Thread.sleep(200);
            }
            BinIngest second = BinIngest.run(tmp, Map.of(), "run", "--collection", "lock_it_2",
                    "-p", "milvus.uri=" + tmp.resolve("milvus2"), "-p", "ingest.inbox=" + inbox,
                    "-p", "health.port=0", "-p", "ingest.report-dir=" + tmp.resolve("reports"));
            assertThat(second.exit()).isNotZero();
            assertThat(second.out() + second.err()).contains("already watched by another milvus-ingest")
                    .contains("pid " + first.pid());
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.destroy();
            first.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
