package io.milvusingest.camel.dropfolder;

import io.milvusingest.model.IngestException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code inboxFilter}, the drop-folder consumer's {@code filter}: which folders the recursive file consumer
 * walks into. Every file passes ({@link InboxGuard} checks each one when it is opened), except a dangling link,
 * which the read lock would skip forever: it moves to {@code .failed/} as FORBIDDEN, as a link to a folder does.
 * Hidden files and folders, {@code .done/} and {@code .failed/} among them, never get here: the file consumer skips
 * them first. A folder is
 * <ul>
 *   <li>removed, not walked, when the route drained it and it is now empty ({@link DrainedFolders});</li>
 *   <li>never walked when it is a symbolic link (whatever {@code ingest.follow-symlinks} says): the link itself is
 *       moved to {@code .failed/} as FORBIDDEN beside its error record, its target left untouched;</li>
 *   <li>not walked when it lies deeper than {@code ingest.max-depth}: its files stay in the inbox, and a warning
 *       names it once. The consumer's {@code maxDepth} lists one level more than that, so those folders are
 *       seen here.</li>
 * </ul>
 * Moving a link from a filter is unusual, but the file consumer has no other hook for folders, and it gives the
 * link a terminal state in the same poll.
 */
public final class InboxFilter implements GenericFileFilter<File> {
    /** Bean name used by {@code routes/drop-folder.camel.yaml}. */
    public static final String BEAN = "inboxFilter";
    private static final Logger LOG = LoggerFactory.getLogger(InboxFilter.class);

    private final InboxArchive archive;
    private final DrainedFolders drained;
    private final FailureRecorder recorder;
    private final int maxDepth;
    private final Set<Path> reportedTooDeep = ConcurrentHashMap.newKeySet();

    /** @param maxDepth folder levels below the inbox whose files are ingested ({@code ingest.max-depth}) */
    public InboxFilter(InboxArchive archive, DrainedFolders drained, FailureRecorder recorder, int maxDepth) {
        this.archive = archive;
        this.drained = drained;
        this.recorder = recorder;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = file.getFile().toPath().toAbsolutePath().normalize();
        Path relative = archive.inbox().relativize(path);
        if (!file.isDirectory()) {
            if (Files.isSymbolicLink(path) && !Files.exists(path)) {
                // the read lock skips a file that does not exist, so a dangling link would stay forever
                refuse(path, relative, "is a symbolic link whose target does not exist");
                return false;
            }
            return true;
        }
        if (Files.isSymbolicLink(path)) {
            refuse(path, relative, "is a symbolic link to a folder; links to folders are never followed");
            return false;
        }
        if (relative.getNameCount() > maxDepth) {
            if (reportedTooDeep.add(path)) {
                LOG.warn("{} lies deeper than ingest.max-depth={} folder levels below the inbox; its files are not"
                        + " ingested and stay where they are", relative, maxDepth);
            }
            return false;
        }
        return !drained.prune(path);
    }

    private void refuse(Path link, Path relative, String why) {
        IngestException error = InboxGuard.forbidden(link, relative, why);
        Path target = archive.failedPath(relative);
        try {
            Files.createDirectories(target.getParent());
            Files.move(link, target); // renames the link itself, never what it points to
        } catch (IOException e) {
            LOG.warn("cannot move the folder link {} to {}: {}; tried again at the next poll", relative, target,
                    e.toString());
            return;
        }
        recorder.write(relative, target, error, 1);
    }
}
