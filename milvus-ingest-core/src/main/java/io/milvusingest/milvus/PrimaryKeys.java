package io.milvusingest.milvus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic primary keys: the same (source id, chunk index) always maps to the same key, so
 * re-ingesting a document upserts over its previous rows instead of duplicating them.
 *
 * <p>The key is the first 8 bytes (big-endian) of {@code SHA-256(utf8(sourceId) + 0x00 + decimal(chunkIndex))}
 * with the sign bit cleared: a uniformly distributed 63-bit value in {@code [0, 2^63)}. The NUL separator
 * keeps {@code ("a1", 0)} and {@code ("a", 10)} apart.
 *
 * <p>Collision odds (birthday bound, n keys over 2^63 values): p ≈ n² / 2^64. For one million chunks
 * p ≈ 5·10⁻⁸; for one billion p ≈ 5·10⁻². A collision would make two chunks overwrite each other.
 */
public final class PrimaryKeys {

    private PrimaryKeys() {
    }

    /**
     * @param sourceId   the document's stable id ({@code SourceDocument.sourceId()}), not null
     * @param chunkIndex 0-based chunk position, {@code >= 0}
     * @return a key in {@code [0, Long.MAX_VALUE]}
     */
    public static long of(String sourceId, int chunkIndex) {
        if (sourceId == null) {
            throw new IllegalArgumentException("sourceId is null");
        }
        if (chunkIndex < 0) {
            throw new IllegalArgumentException("chunkIndex must be >= 0, got " + chunkIndex);
        }
        byte[] digest = sha256().digest((sourceId + '\u0000' + chunkIndex).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong() & Long.MAX_VALUE;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
