package io.milvusingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStateTest {
    @TempDir
    Path dir;

    @Test
    void should_remember_processed_versions_across_a_restart() {
        try (SyncState state = new SyncState(dir)) {
            state.markProcessed("s3://b/docs/a.pdf", "e1");
            state.markProcessed("s3://b/docs/b.pdf", "e2");
        }
        try (SyncState state = new SyncState(dir)) {
            assertThat(state.isCurrent("s3://b/docs/a.pdf", "e1")).isTrue();
            assertThat(state.isCurrent("s3://b/docs/a.pdf", "other")).isFalse();
            assertThat(state.sourceIds("s3://b/docs/")).containsExactly("s3://b/docs/a.pdf", "s3://b/docs/b.pdf");
        }
    }

    @Test
    void should_keep_only_the_latest_version_of_a_changed_object() {
        try (SyncState state = new SyncState(dir)) {
            state.markProcessed("s3://b/a.pdf", "old");
            state.markProcessed("s3://b/a.pdf", "new");
        }
        try (SyncState state = new SyncState(dir)) {
            assertThat(state.etagOf("s3://b/a.pdf")).contains("new");
            assertThat(state.isCurrent("s3://b/a.pdf", "old")).isFalse();
        }
    }

    @Test
    void should_forget_a_deleted_object_and_tell_keys_containing_the_separator_apart() {
        try (SyncState state = new SyncState(dir)) {
            state.markProcessed("s3://b/a.pdf", "e1");
            state.markProcessed("s3://b/a.pdf#2.pdf", "e2");
            state.forget("s3://b/a.pdf");
            assertThat(state.sourceIds("s3://b/")).containsExactly("s3://b/a.pdf#2.pdf");
            assertThat(state.etagOf("s3://b/a.pdf#2.pdf")).contains("e2");
        }
        try (SyncState state = new SyncState(dir)) {
            assertThat(state.sourceIds("")).containsExactly("s3://b/a.pdf#2.pdf");
        }
    }

    @Test
    void should_limit_the_listing_to_the_configured_prefix() {
        try (SyncState state = new SyncState(dir)) {
            state.markProcessed("s3://b/docs/a.pdf", "e1");
            state.markProcessed("s3://b/old/c.pdf", "e3");
            state.markProcessed("s3://other/docs/a.pdf", "e4");
            assertThat(state.sourceIds("s3://b/docs/")).containsExactly("s3://b/docs/a.pdf");
        }
    }

    @Test
    void should_make_the_state_owner_only_even_when_an_earlier_run_left_it_world_writable() throws IOException {
        Path state = dir.resolve("collection");
        Files.createDirectories(state);
        Files.writeString(state.resolve("processed.dat"), "s3://b/a.pdf#e1\n");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(state.resolve("processed.dat"), PosixFilePermissions.fromString("rw-rw-rw-"));

        try (SyncState s = new SyncState(state)) {
            assertThat(Files.getPosixFilePermissions(state)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(state.resolve("processed.dat")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            s.markProcessed("s3://b/a.pdf", "e2"); // replaces e1: the file is rewritten through a temp file
            assertThat(Files.getPosixFilePermissions(state.resolve("processed.dat")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        Path fresh = dir.resolve("new/deeper");
        try (SyncState s = new SyncState(fresh)) {
            assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(fresh.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }
}
