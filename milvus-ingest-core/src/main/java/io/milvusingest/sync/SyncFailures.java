package io.milvusingest.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.milvusingest.report.FailureRecord;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The durable reasons objects failed: {@code <state>/failed/<bucket>/<url-encoded key>.error.json} (see
 * {@link #fileOf}; owner-only, {@link OwnerOnly}), the same {@link FailureRecord} JSON the drop folder writes. Removed when a later version ingests or the object is
 * deleted.
 */
final class SyncFailures {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Longest encoded key used as it is: 200 + ".error.json" stays well under the usual 255-byte name limit. */
    static final int MAX_ENCODED = 200;
    static final int KEPT = 120;

    private final Path dir;

    /** @param stateDir the collection's state folder ({@code <sync.state-dir>/<collection>}) */
    SyncFailures(Path stateDir) {
        this.dir = stateDir.resolve("failed");
    }

    /**
     * @return the file written
     * @throws IOException when the disk refuses
     */
    Path write(BucketObject object, FailureRecord record) throws IOException {
        Path file = fileOf(object);
        OwnerOnly.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), record);
        OwnerOnly.restrict(file);
        return file;
    }

    /** Removes the object's record, if any. @throws IOException when the disk refuses */
    void clear(String bucket, String key) throws IOException {
        Files.deleteIfExists(fileOf(bucket, key));
    }

    /** @return true when the object {@code s3://bucket/key} has a failure record */
    boolean has(String sourceId) {
        String path = sourceId.substring("s3://".length());
        int slash = path.indexOf('/');
        return Files.exists(fileOf(path.substring(0, slash), path.substring(slash + 1)));
    }

    /** Removes every record. @throws IOException when the disk refuses */
    void clearAll() throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    Path fileOf(BucketObject object) {
        return fileOf(object.bucket(), object.key());
    }

    /**
     * Keys may hold '/', '..', control characters and up to 1,024 bytes of any UTF-8: URL-encoding makes them one
     * file name of ASCII letters, digits, {@code . - _ * %} and {@code +} (no separator survives it, and {@code ..}
     * becomes {@code ...error.json}). An encoding too long for a file name (over {@value #MAX_ENCODED} characters)
     * keeps its first {@value #KEPT} characters, then {@code ~} (which URL-encoding never leaves) and the key's
     * SHA-256, so it stays unique. The bucket is a valid S3 bucket name ({@code SyncConfig} checks it).
     */
    Path fileOf(String bucket, String key) {
        String name = URLEncoder.encode(key, StandardCharsets.UTF_8);
        if (name.length() > MAX_ENCODED) {
            name = name.substring(0, KEPT) + "~" + sha256(key);
        }
        return dir.resolve(bucket).resolve(name + ".error.json");
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
