package io.milvusingest.sync;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persisted change detector: which version (ETag) of each object was last processed, ingested or
 * permanently failed. Entries {@code s3://bucket/key#etag}, one per line in {@code <state-dir>/processed.dat}
 * (the format of Camel's {@code FileIdempotentRepository}, which kept this file before, so existing state files
 * are read as they are). An added entry is appended and flushed at once; a removal rewrites the file through a
 * temporary file and an atomic move, so a crash leaves the old or the new file, never half of one. A restart
 * resumes where the last run stopped. The same entries are the index of synced objects that deletion detection
 * compares with a bucket listing.
 *
 * <p>The folder and the file are owner-only ({@link OwnerOnly}).
 *
 * <p>Not thread-safe for writers: one sync cycle runs at a time (the scheduler's fixed delay).
 */
final class SyncState implements AutoCloseable {
    /** Separates source id and ETag; ETags (hex, '-') never contain it, so the last one splits the entry. */
    private static final char SEPARATOR = '#';

    private final Path file;
    private final Set<String> entries = ConcurrentHashMap.newKeySet();
    private BufferedWriter appender;

    /**
     * Opens (creating if needed) {@code dir/processed.dat}.
     *
     * @throws UncheckedIOException when the directory cannot be created or the file read
     */
    SyncState(Path dir) {
        file = dir.resolve("processed.dat");
        try {
            OwnerOnly.createDirectories(dir);
            if (Files.exists(file)) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).forEach(entries::add);
            }
            appender = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            OwnerOnly.restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the sync state " + file, e);
        }
    }

    /** @return true when this exact version of the object was already processed */
    boolean isCurrent(String sourceId, String etag) {
        return entries.contains(entry(sourceId, etag));
    }

    /** @return the ETag of the processed version of the object, if any */
    Optional<String> etagOf(String sourceId) {
        return versions(sourceId).stream().findFirst();
    }

    /**
     * Records {@code etag} as the processed version of the object, replacing any earlier version. The new entry is
     * written before the old ones are removed: a crash in between leaves both, and the object reads as current.
     *
     * @throws UncheckedIOException when the state file cannot be written
     */
    void markProcessed(String sourceId, String etag) {
        String added = entry(sourceId, etag);
        if (entries.add(added)) {
            append(added);
        }
        List<String> stale = versions(sourceId).stream().filter(v -> !v.equals(etag)).toList();
        if (!stale.isEmpty()) {
            stale.forEach(v -> entries.remove(entry(sourceId, v)));
            rewrite();
        }
    }

    /** Forgets the object (it left the bucket). @throws UncheckedIOException when the file cannot be written */
    void forget(String sourceId) {
        if (entries.removeIf(e -> sourceIdOf(e).equals(sourceId))) {
            rewrite();
        }
    }

    /** @return the source ids of every processed object whose id starts with {@code prefix} */
    List<String> sourceIds(String prefix) {
        return entries.stream().map(SyncState::sourceIdOf).filter(id -> id.startsWith(prefix))
                .distinct().sorted().toList();
    }

    /** Forgets every processed object. @throws UncheckedIOException when the file cannot be written */
    void clear() {
        entries.clear();
        rewrite();
    }

    private void append(String entry) {
        try {
            appender.write(entry);
            appender.newLine();
            appender.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sync state " + file, e);
        }
    }

    private void rewrite() {
        try {
            appender.close();
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, entries.stream().sorted().toList(), StandardCharsets.UTF_8);
            OwnerOnly.restrict(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            appender = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the sync state " + file, e);
        }
    }

    private List<String> versions(String sourceId) {
        String head = sourceId + SEPARATOR;
        return entries.stream()
                .filter(e -> e.startsWith(head) && e.indexOf(SEPARATOR, head.length()) < 0)
                .map(e -> e.substring(head.length())).toList();
    }

    private static String entry(String sourceId, String etag) {
        return sourceId + SEPARATOR + etag;
    }

    private static String sourceIdOf(String entry) {
        return entry.substring(0, entry.lastIndexOf(SEPARATOR));
    }

    @Override
    public void close() {
        try {
            appender.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the sync state " + file, e);
        }
    }
}
