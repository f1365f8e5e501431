package io.milvusingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeDetectorTest {
    @TempDir
    Path dir;

    @Test
    void should_refuse_keys_with_control_characters_before_any_download_and_leave_the_state_readable()
            throws Exception {
        try (SyncState state = new SyncState(dir)) {
            SyncSummary summary = new SyncSummary("s3://b/");
            List<BucketObject> todo = new ChangeDetector(Set.of("txt"), state).toIngest(List.of(
                    object("line\nbreak.txt"), object("bell\u0007.txt"), object("esc\u001b[2J.txt"),
                    object("del\u007f.txt"), object("c1\u0085.txt"), object("ok/r\u00e9sum\u00e9.txt")), summary);

            assertThat(todo).extracting(BucketObject::key).containsExactly("ok/r\u00e9sum\u00e9.txt");
            assertThat(summary.failedCount()).isEqualTo(5);
        }
        assertThat(Files.readAllLines(dir.resolve("processed.dat"))).isEmpty();
    }

    @Test
    void should_print_control_characters_as_escapes() {
        assertThat(ChangeDetector.printable("s3://b/a\nb\u001b.txt")).isEqualTo("s3://b/a\\u000ab\\u001b.txt");
    }

    private static BucketObject object(String key) {
        return new BucketObject("b", key, "e", 1, Instant.EPOCH);
    }
}
