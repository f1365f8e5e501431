package io.milvusingest.camel.dropfolder;

import io.milvusingest.config.FollowSymlinks;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.camel.Exchange;

/**
 * Bean {@code inboxGuard}: the drop-folder route's last step before the pipeline reads a file. It resolves the
 * file's real path ({@link Path#toRealPath}, every symbolic link followed) at that moment, on the worker thread,
 * not when the consumer listed it: a link can be swapped between the two. A file whose real path is not the inbox
 * path it was found at (a link, or under a linked folder) is read only with {@code ingest.follow-symlinks=inside}
 * and only when its real path lies inside the inbox; and only a regular file is read (no FIFO, device or folder).
 * The pipeline then reads the resolved path, which holds no link, so a later swap of the link changes nothing.
 * A refused file fails as {@link ErrorKind#FORBIDDEN}, with a message naming the link, never the target.
 */
public final class InboxGuard {
    /** Bean name used by {@code routes/drop-folder.camel.yaml}. */
    public static final String BEAN = "inboxGuard";

    private final Path inbox;
    private final FollowSymlinks follow;
    private volatile Path inboxReal;

    /**
     * @param inbox  the drop folder ({@code ingest.inbox}); it may itself be reached through a link
     * @param follow which links to files are read ({@code ingest.follow-symlinks})
     */
    public InboxGuard(Path inbox, FollowSymlinks follow) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.follow = follow;
    }

    /**
     * @return the document to ingest: read from the resolved real path, identified by its inbox path (source id)
     * @throws IngestException FORBIDDEN when the file may not be read; CORRUPT when it cannot be examined
     */
    public SourceDocument open(Exchange exchange) {
        Path relative = InboxArchive.relativePath(exchange);
        Path file = inbox.resolve(relative);
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                throw forbidden(file, relative, "is a symbolic link whose target does not exist");
            }
            throw new IngestException(ErrorKind.CORRUPT, Stage.EXTRACT, file.toString(), null,
                    relative + " cannot be opened: " + e, e);
        }
        if (!real.equals(inboxReal().resolve(relative))) {
            if (follow == FollowSymlinks.NEVER) {
                throw forbidden(file, relative, "is a symbolic link, or lies under one, and ingest.follow-symlinks="
                        + follow.label());
            }
            if (!real.startsWith(inboxReal())) {
                throw forbidden(file, relative, "is a symbolic link leading outside the inbox; ingest.follow-symlinks="
                        + follow.label() + " follows only links that stay inside it");
            }
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new IngestException(ErrorKind.CORRUPT, Stage.EXTRACT, file.toString(), null,
                    relative + " cannot be opened: " + e, e);
        }
        if (!attributes.isRegularFile()) {
            throw forbidden(file, relative, "is not a regular file");
        }
        return new SourceDocument(real, file.toString(), file.getFileName().toString(), attributes.size(),
                attributes.lastModifiedTime().toInstant());
    }

    /** @return the FORBIDDEN failure of the inbox entry at {@code relative}; the message names the entry only */
    static IngestException forbidden(Path file, Path relative, String why) {
        return new IngestException(ErrorKind.FORBIDDEN, Stage.EXTRACT, file.toString(), relative + " " + why);
    }

    private Path inboxReal() {
        Path real = inboxReal;
        if (real == null) {
            try {
                real = inbox.toRealPath();
            } catch (IOException e) {
                throw new IngestException(ErrorKind.INTERNAL, Stage.EXTRACT, inbox.toString(), null,
                        "the inbox cannot be resolved: " + e, e);
            }
            inboxReal = real;
        }
        return real;
    }
}
