package io.milvusingest.sync;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only permissions for the sync state, where the file system has POSIX permissions: folders
 * {@code rwx------}, files {@code rw-------}, whatever the process's umask. Another local user can then neither
 * forge the state (an ETag marked processed is never ingested again) nor read which objects the bucket holds.
 * Folders and files that already exist, e.g. from an older version, are tightened too.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and its missing parents owner-only, and makes {@code dir} owner-only if it existed.
     *
     * @throws IOException when a folder cannot be created, or dir is not its owner's
     */
    public static void createDirectories(Path dir) throws IOException {
        if (!POSIX) {
            Files.createDirectories(dir);
            return;
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        Files.setPosixFilePermissions(dir, FOLDER);
    }

    /** Makes an existing file readable and writable by its owner only. */
    static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }
}
