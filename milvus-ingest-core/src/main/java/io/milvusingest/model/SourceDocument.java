package io.milvusingest.model;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * One input document, as a local file plus the identity it is stored under in Milvus.
 *
 * @param path         the local file holding the bytes (for buckets: a temporary copy)
 * @param sourceId     stable identity of the document: absolute path or {@code s3://bucket/key}; primary
 *                     keys derive from it, so re-ingesting the same source replaces its rows
 * @param sourceName   display name (file name)
 * @param sizeBytes    size in bytes
 * @param lastModified last modification time of the source
 * @param etag         the object's ETag (hex MD5 or multipart hash, without quotes) for bucket objects; null
 *                     for local files
 */
public record SourceDocument(Path path, String sourceId, String sourceName, long sizeBytes, Instant lastModified,
                             String etag) {

    /** A document without an ETag (a local file). */
    public SourceDocument(Path path, String sourceId, String sourceName, long sizeBytes, Instant lastModified) {
        this(path, sourceId, sourceName, sizeBytes, lastModified, null);
    }

    /**
     * Builds a document for a bucket object whose bytes were copied to {@code localCopy}.
     *
     * @param key the object key; its last {@code /}-separated segment is the display name
     */
    public static SourceDocument ofObject(Path localCopy, String bucket, String key, long sizeBytes,
                                          Instant lastModified, String etag) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return new SourceDocument(localCopy, "s3://" + bucket + "/" + key, name, sizeBytes, lastModified, etag);
    }

    /** Builds a document for a local file, identified by its absolute, normalized path. */
    public static SourceDocument ofFile(Path file) {
        try {
            Path abs = file.toAbsolutePath().normalize();
            return new SourceDocument(abs, abs.toString(), abs.getFileName().toString(), Files.size(abs),
                    Files.getLastModifiedTime(abs).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + file, e);
        }
    }

    /** @return the lower-case file extension without the dot, or "" if none. */
    public String extension() {
        int dot = sourceName.lastIndexOf('.');
        return dot < 0 ? "" : sourceName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
