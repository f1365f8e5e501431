package io.milvusingest.config;

import java.util.List;
import java.util.Locale;

/**
 * Which symbolic links in the drop folder are read ({@code ingest.follow-symlinks}). A link to a folder is never
 * walked into, whatever this says: the same files would be reachable twice, and a move out of the inbox through
 * the link would take them from their real folder.
 */
public enum FollowSymlinks {
    /** A link to a file is read when its real path (every link resolved) lies inside the inbox. The default. */
    INSIDE,
    /** No link is read, and no file under a linked folder. */
    NEVER;

    /** The accepted values, as written in the configuration. */
    public static final List<String> NAMES = List.of("inside", "never");

    /** @param value {@code inside} or {@code never} (already validated against {@link #NAMES}) */
    public static FollowSymlinks parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** @return the configuration value, e.g. {@code inside} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
