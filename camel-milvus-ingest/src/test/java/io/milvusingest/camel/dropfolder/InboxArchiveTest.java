package io.milvusingest.camel.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxArchiveTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T13:03:01.250Z"), ZoneOffset.UTC);

    @TempDir
    Path inbox;

    private final DrainedFolders drained = new DrainedFolders();

    private InboxArchive archive() {
        return new InboxArchive(inbox, drained, CLOCK);
    }

    @Test
    void should_mirror_the_relative_path_and_stamp_a_newer_file_whose_name_is_taken() throws IOException {
        InboxArchive archive = archive();
        Path first = Path.of(archive.doneTarget(InboxFiles.consumed(inbox, "team/sub/report.pdf")));
        assertThat(first).isEqualTo(inbox.resolve(".done/team/sub/report.pdf"));
        moveIn(first);

        Path second = Path.of(archive.doneTarget(InboxFiles.consumed(inbox, "team/sub/report.pdf")));
        assertThat(second).isEqualTo(inbox.resolve(".done/team/sub/report.2026-12-01T130301Z.pdf"));
        moveIn(second);
        Path third = Path.of(archive.doneTarget(InboxFiles.consumed(inbox, "team/sub/report.pdf")));
        assertThat(third).isEqualTo(inbox.resolve(".done/team/sub/report.2026-12-01T130301Z-2.pdf"));
    }

    @Test
    void should_never_hand_out_one_name_twice_before_the_first_file_has_moved() {
        InboxArchive archive = archive();
        String a = archive.doneTarget(InboxFiles.consumed(inbox, "README"));
        String b = archive.doneTarget(InboxFiles.consumed(inbox, "README"));
        assertThat(a).endsWith("/.done/README");
        assertThat(b).endsWith("/.done/README.2026-12-01T130301Z");
    }

    @Test
    void should_keep_the_failed_name_of_one_exchange_and_count_an_error_record_as_taking_the_name()
            throws IOException {
        InboxArchive archive = archive();
        var exchange = InboxFiles.consumed(inbox, "x.pdf.error.json");
        Path dropped = Path.of(archive.failedTarget(exchange));
        assertThat(archive.failedTarget(exchange)).as("asked again").isEqualTo(dropped.toString());
        moveIn(dropped); // a dropped file named like x.pdf's record

        Path x = Path.of(archive.failedTarget(InboxFiles.consumed(inbox, "x.pdf")));
        assertThat(x).isEqualTo(inbox.resolve(".failed/x.2026-12-01T130301Z.pdf"));
    }

    @Test
    void should_shorten_a_long_name_so_the_stamped_name_and_its_record_stay_legal() throws IOException {
        String name = "\u00e9".repeat(110) + ".txt"; // 224 bytes
        moveIn(inbox.resolve(".failed").resolve(name));
        Path stamped = Path.of(archive().failedTarget(InboxFiles.consumed(inbox, name)));
        String file = stamped.getFileName() + ".error.json";
        assertThat(file.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(stamped.getFileName().toString()).startsWith("\u00e9\u00e9").endsWith(".2026-12-01T130301Z.txt");
    }

    @Test
    void should_remove_drained_folders_once_empty_and_leave_every_other_folder() throws IOException {
        InboxArchive archive = archive();
        archive.doneTarget(InboxFiles.consumed(inbox, "a/b/c/deep.txt"));
        archive.doneTarget(InboxFiles.consumed(inbox, "busy/one.txt"));
        Files.createDirectories(inbox.resolve("a/b/c"));
        Files.createDirectories(inbox.resolve("busy"));
        Files.writeString(inbox.resolve("busy/two.txt"), "still here");
        Files.createDirectories(inbox.resolve("fresh"));

        assertThat(drained.prune(inbox.resolve("a"))).isTrue();
        assertThat(inbox.resolve("a")).doesNotExist();
        assertThat(drained.prune(inbox.resolve("busy"))).isFalse();
        assertThat(drained.prune(inbox.resolve("fresh"))).as("created empty, never drained").isFalse();
        assertThat(inbox.resolve("busy/two.txt")).exists();
        assertThat(inbox.resolve("fresh")).isDirectory();
    }

    private static void moveIn(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, "moved");
    }
}
