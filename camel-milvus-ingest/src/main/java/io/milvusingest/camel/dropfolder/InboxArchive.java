package io.milvusingest.camel.dropfolder;

import io.milvusingest.report.FailureRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.file.GenericFile;

/**
 * Bean {@code inboxArchive}: where a drop-folder file goes when it ends, as the file consumer's {@code move} and
 * {@code moveFailed} expressions ask: {@code <inbox>/.done/<relative path>} or {@code <inbox>/.failed/<relative
 * path>}, so a dropped folder tree is mirrored. Nothing there is ever overwritten (Camel's move would delete an
 * existing target): when the name is taken, by an earlier file or, in {@code .failed/}, by an earlier error record,
 * the newer file gets the UTC time of its move before its extension ({@code report.2026-12-01T130301Z.pdf}), then
 * {@code -2}, {@code -3}, ... if even that is taken. Names handed out and not yet on disk count as taken, so two
 * files ending at once never get the same one.
 *
 * <p>Tells {@link DrainedFolders} of the inbox folders files move out of, so they are removed once empty.
 */
public final class InboxArchive {
    /** Bean name used by {@code routes/drop-folder.camel.yaml}. */
    public static final String BEAN = "inboxArchive";
    /** Sub-folder of the inbox receiving ingested files. */
    public static final String DONE_DIR = ".done";
    /** Sub-folder of the inbox receiving failed files and their error records. */
    public static final String FAILED_DIR = ".failed";
    private static final String FAILED_TARGET = "ingest.failedTarget";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Longest file name most file systems take (ext4, XFS, btrfs), in bytes. */
    private static final int MAX_NAME_BYTES = 255;

    private final Path inbox;
    private final Clock clock;
    private final Set<Path> handedOut = new HashSet<>(); // guarded by this
    private final DrainedFolders drained;

    /**
     * @param inbox   the drop folder ({@code ingest.inbox})
     * @param drained told of every inbox folder a file moves out of
     */
    public InboxArchive(Path inbox, DrainedFolders drained) {
        this(inbox, drained, Clock.systemUTC());
    }

    InboxArchive(Path inbox, DrainedFolders drained, Clock clock) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.drained = drained;
        this.clock = clock;
    }

    /** @return the inbox, absolute */
    public Path inbox() {
        return inbox;
    }

    /** The {@code move} expression. @return the absolute path in {@code .done/} the consumed file moves to */
    public String doneTarget(Exchange exchange) {
        return target(DONE_DIR, relativePath(exchange), false).toString();
    }

    /**
     * The {@code moveFailed} expression, also asked by {@link FailureRecorder} (which writes the error record beside
     * it first): the same path every time for one exchange.
     *
     * @return the absolute path in {@code .failed/} the consumed file moves to
     */
    public String failedTarget(Exchange exchange) {
        return failedPath(exchange).toString();
    }

    Path failedPath(Exchange exchange) {
        Path known = exchange.getProperty(FAILED_TARGET, Path.class);
        if (known == null) {
            known = failedPath(relativePath(exchange));
            exchange.setProperty(FAILED_TARGET, known);
        }
        return known;
    }

    /** @return a free path in {@code .failed/} for the inbox entry at {@code relative} */
    Path failedPath(Path relative) {
        return target(FAILED_DIR, relative, true);
    }

    /** @return the consumed file's path relative to the inbox, e.g. {@code team-a/sub/report.pdf} */
    static Path relativePath(Exchange exchange) {
        GenericFile<?> file = exchange.getProperty(ExchangePropertyKey.FILE_EXCHANGE_FILE, GenericFile.class);
        return Path.of(file.getRelativeFilePath());
    }

    private Path target(String folder, Path relative, boolean withRecord) {
        for (Path dir = relative.getParent(); dir != null; dir = dir.getParent()) {
            drained.add(inbox.resolve(dir));
        }
        return free(inbox.resolve(folder).resolve(relative), withRecord);
    }

    private synchronized Path free(Path wanted, boolean withRecord) {
        handedOut.removeIf(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)); // moved in: the disk says it is taken
        if (isFree(wanted, withRecord)) {
            handedOut.add(wanted);
            return wanted;
        }
        String name = wanted.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        String base = dot > 0 ? name.substring(0, dot) : name;
        String stamp = "." + STAMP.format(clock.instant());
        for (int n = 1; ; n++) {
            String tail = stamp + (n == 1 ? "" : "-" + n) + ext;
            Path candidate = wanted.resolveSibling(fit(base, tail, withRecord) + tail);
            if (isFree(candidate, withRecord)) {
                handedOut.add(candidate);
                return candidate;
            }
        }
    }

    private boolean isFree(Path path, boolean withRecord) {
        return !handedOut.contains(path) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && !(withRecord && Files.exists(path.resolveSibling(path.getFileName() + FailureRecord.ERROR_SUFFIX),
                LinkOption.NOFOLLOW_LINKS));
    }

    /** @return base shortened so that base + tail (+ the record suffix) stays a legal file name */
    private static String fit(String base, String tail, boolean withRecord) {
        int room = MAX_NAME_BYTES - bytes(tail) - (withRecord ? bytes(FailureRecord.ERROR_SUFFIX) : 0);
        String b = base;
        while (bytes(b) > room) {
            b = b.substring(0, b.offsetByCodePoints(b.length(), -1));
        }
        return b;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
