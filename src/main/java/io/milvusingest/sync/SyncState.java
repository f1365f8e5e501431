package io.milvusingest.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * The persisted change detector: which version (ETag) of each object was last processed, ingested or
 * permanently failed. A Camel {@link FileIdempotentRepository} ({@code <state-dir>/processed.dat}, one line per
 * entry) keyed on {@code s3://bucket/key#etag}; every change is written through to the file, so a restart
 * resumes where the last run stopped. The same entries are the index of synced objects that deletion
 * detection compares with a bucket listing.
 *
 * <p>Not thread-safe: one sync cycle runs at a time (the scheduler's fixed delay).
 */
final class SyncState implements AutoCloseable {
    /** Separates source id and ETag; ETags (hex, '-') never contain it, so the last one splits the entry. */
    private static final char SEPARATOR = '#';
    /** Beyond this size the repository drops its oldest entries; far above any bucket's state (bytes). */
    private static final long MAX_FILE_BYTES = 1L << 30;

    private final FileIdempotentRepository repository;
    private final Map<String, Object> entries = new ConcurrentHashMap<>();

    /**
     * Opens (creating if needed) {@code dir/processed.dat}.
     *
     * @throws UncheckedIOException when the directory cannot be created or the file read
     */
    SyncState(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sync state directory " + dir, e);
        }
        // an unbounded map as the cache: the whole state stays in memory, so it can be listed (and no LRU
        // eviction makes an unchanged object look new)
        repository = new FileIdempotentRepository(dir.resolve("processed.dat").toFile(), entries);
        repository.setMaxFileStoreSize(MAX_FILE_BYTES);
        repository.start();
    }

    /** @return true when this exact version of the object was already processed */
    boolean isCurrent(String sourceId, String etag) {
        return repository.contains(entry(sourceId, etag));
    }

    /** @return the ETag of the processed version of the object, if any */
    Optional<String> etagOf(String sourceId) {
        return versions(sourceId).stream().findFirst();
    }

    /**
     * Records {@code etag} as the processed version of the object, replacing any earlier version. The new entry is
     * written before the old ones are removed: a crash in between leaves both, and the object reads as current.
     */
    void markProcessed(String sourceId, String etag) {
        repository.add(entry(sourceId, etag));
        for (String old : versions(sourceId)) {
            if (!old.equals(etag)) {
                repository.remove(entry(sourceId, old));
            }
        }
    }

    /** Forgets the object (it left the bucket). */
    void forget(String sourceId) {
        versions(sourceId).forEach(etag -> repository.remove(entry(sourceId, etag)));
    }

    /** @return the source ids of every processed object whose id starts with {@code prefix} */
    List<String> sourceIds(String prefix) {
        return entries.keySet().stream().map(SyncState::sourceIdOf).filter(id -> id.startsWith(prefix))
                .distinct().sorted().toList();
    }

    /** Forgets every processed object. */
    void clear() {
        repository.clear();
    }

    private List<String> versions(String sourceId) {
        String head = sourceId + SEPARATOR;
        return entries.keySet().stream()
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
        repository.stop();
    }
}
