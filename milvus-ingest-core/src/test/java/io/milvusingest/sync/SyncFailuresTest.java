package io.milvusingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import io.milvusingest.report.FailureRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFailuresTest {
    private static final String LONG_ASCII = "docs/" + "a".repeat(240) + "/" + "b".repeat(240) + "/" + "c".repeat(240)
            + "/" + "d".repeat(260) + ".pdf";
    /** Keys S3 allows (any UTF-8, up to 1,024 bytes) that would escape or break a naive path. */
    private static final List<String> HOSTILE = List.of("../x.pdf", "../../../../etc/cron.d/x.pdf", "/abs.pdf",
            "a/../../b.pdf", "..", ".", "a/..", "./", "\\..\\..\\win.pdf", "ctl\u0000\n\r\u001b[2J.pdf",
            "r\u00e9sum\u00e9/\u65e5\u672c\u8a9e.pdf", "\u65e5".repeat(340) + ".pdf", LONG_ASCII, LONG_ASCII + "x");

    @TempDir
    Path state;

    @Test
    void should_write_every_record_as_one_owner_only_file_directly_in_the_bucket_folder() throws IOException {
        SyncFailures failures = new SyncFailures(state);
        Path bucketDir = state.resolve("failed").resolve("b");
        Set<Path> written = new HashSet<>();
        for (String key : HOSTILE) {
            BucketObject object = new BucketObject("b", key, "e", 1, Instant.EPOCH);
            Path file = failures.write(object, FailureRecord.of(object.name(), object.sourceId(),
                    new IngestException(ErrorKind.CORRUPT, Stage.EXTRACT, object.sourceId(), "bad"), 1));
            assertThat(file.getParent()).as(key).isEqualTo(bucketDir);
            assertThat(file.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).as(key)
                    .isLessThanOrEqualTo(SyncFailures.MAX_ENCODED + ".error.json".length());
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(failures.has(object.sourceId())).as(key).isTrue();
            written.add(file);
        }
        assertThat(written).as("one file per key").hasSize(HOSTILE.size());
        try (Stream<Path> all = Files.walk(state)) {
            assertThat(all.filter(Files::isRegularFile)).containsExactlyInAnyOrderElementsOf(written);
        }
        assertThat(Files.getPosixFilePermissions(bucketDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        for (String key : HOSTILE) {
            failures.clear("b", key);
        }
        try (Stream<Path> all = Files.walk(state)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
