package io.milvusingest.camel.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.config.FollowSymlinks;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxGuardTest {
    @TempDir
    Path root;
    private Path inbox;
    private Path secret;

    @BeforeEach
    void layout() throws Exception {
        inbox = Files.createDirectories(root.resolve("inbox"));
        secret = Files.writeString(Files.createDirectories(root.resolve("private")).resolve("secret.txt"), "s3cr3t");
        Files.writeString(Files.createDirectories(inbox.resolve(".shared")).resolve("notes.md"), "# shared notes");
    }

    @Test
    void should_open_a_regular_file_by_its_real_path_under_its_inbox_path() throws Exception {
        Files.writeString(Files.createDirectories(inbox.resolve("team")).resolve("a.txt"), "hello");
        SourceDocument doc = guard(FollowSymlinks.NEVER).open(InboxFiles.consumed(inbox, "team/a.txt"));
        assertThat(doc.path()).isEqualTo(inbox.resolve("team/a.txt").toRealPath());
        assertThat(doc.sourceId()).isEqualTo(inbox.resolve("team/a.txt").toString());
        assertThat(doc.sourceName()).isEqualTo("a.txt");
        assertThat(doc.sizeBytes()).isEqualTo(5);
    }

    @Test
    void should_refuse_a_link_leaving_the_inbox_naming_the_link_and_not_the_target() throws Exception {
        Files.createSymbolicLink(inbox.resolve("notes.txt"), secret);
        assertThatThrownBy(() -> guard(FollowSymlinks.INSIDE).open(InboxFiles.consumed(inbox, "notes.txt")))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.getMessage()).startsWith("notes.txt is a symbolic link leading outside the inbox")
                            .doesNotContain("private").doesNotContain("s3cr3t");
                    assertThat(e.source()).isEqualTo(inbox.resolve("notes.txt").toString());
                });
    }

    @Test
    void should_follow_a_link_inside_the_inbox_only_when_allowed() throws Exception {
        Files.createSymbolicLink(inbox.resolve("link.md"), Path.of(".shared/notes.md"));
        SourceDocument doc = guard(FollowSymlinks.INSIDE).open(InboxFiles.consumed(inbox, "link.md"));
        assertThat(doc.path()).isEqualTo(inbox.resolve(".shared/notes.md").toRealPath());
        assertThat(doc.sourceId()).isEqualTo(inbox.resolve("link.md").toString());

        assertThatThrownBy(() -> guard(FollowSymlinks.NEVER).open(InboxFiles.consumed(inbox, "link.md")))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }

    @Test
    void should_refuse_a_file_whose_folder_became_a_link_to_outside_after_listing() throws Exception {
        Files.writeString(Files.createDirectories(root.resolve("private/team")).resolve("a.txt"), "private team");
        Files.createSymbolicLink(inbox.resolve("team"), root.resolve("private/team"));
        assertThatThrownBy(() -> guard(FollowSymlinks.INSIDE).open(InboxFiles.consumed(inbox, "team/a.txt")))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }

    @Test
    void should_refuse_a_dangling_link_and_anything_but_a_regular_file() throws Exception {
        Files.createSymbolicLink(inbox.resolve("gone.txt"), root.resolve("nowhere.txt"));
        assertThatThrownBy(() -> guard(FollowSymlinks.INSIDE).open(InboxFiles.consumed(inbox, "gone.txt")))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.getMessage()).contains("does not exist");
                });
        Process mkfifo = new ProcessBuilder("mkfifo", inbox.resolve("pipe.txt").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThatThrownBy(() -> guard(FollowSymlinks.INSIDE).open(InboxFiles.consumed(inbox, "pipe.txt")))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("pipe.txt is not a regular file");
                });
    }

    @Test
    void should_accept_an_inbox_that_is_itself_reached_through_a_link() throws Exception {
        Path alias = Files.createSymbolicLink(root.resolve("inbox-alias"), inbox);
        Files.writeString(inbox.resolve("a.txt"), "hello");
        SourceDocument doc = new InboxGuard(alias, FollowSymlinks.NEVER).open(InboxFiles.consumed(alias, "a.txt"));
        assertThat(doc.path()).isEqualTo(inbox.resolve("a.txt").toRealPath());
    }

    private InboxGuard guard(FollowSymlinks follow) {
        return new InboxGuard(inbox, follow);
    }
}
