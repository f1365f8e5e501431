package io.milvusingest.camel.dropfolder;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inbox folders the drop folder moved files out of in this session. Such a folder is removed once it is empty
 * (asked by {@link InboxFilter} at each poll, when the file consumer lists it). Only folders the route drained are
 * removed: an empty folder someone just created, about to copy files into, is left alone. Thread-safe.
 */
public final class DrainedFolders {
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    /** @param dir an absolute inbox folder (not the inbox itself) a file is moving out of */
    void add(Path dir) {
        folders.add(dir);
    }

    /**
     * Removes {@code dir}, and the drained folders below it, when files moved out of it and it is now empty. A
     * folder with files still in it (in flight, or dropped again) stays, and is tried again at the next poll.
     *
     * @return true when dir is gone
     */
    boolean prune(Path dir) {
        if (!folders.contains(dir)) {
            return false;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                prune(child);
            }
        } catch (NoSuchFileException e) {
            folders.remove(dir);
            return true;
        } catch (IOException e) {
            return false;
        }
        try {
            Files.delete(dir);
        } catch (DirectoryNotEmptyException e) {
            return false;
        } catch (NoSuchFileException e) {
            // removed meanwhile: gone all the same
        } catch (IOException e) {
            return false;
        }
        folders.remove(dir);
        return true;
    }
}
