package io.milvusingest.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.milvusingest.report.FailureRecord;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The durable reasons objects failed: {@code <state>/failed/<bucket>/<url-encoded key>.error.json}, the same
 * {@link FailureRecord} JSON the drop folder writes. Removed when a later version ingests or the object is
 * deleted.
 */
final class SyncFailures {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), record);
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

    /** Keys may hold '/', '..' and any character: URL-encoding makes them one safe file name. */
    Path fileOf(String bucket, String key) {
        return dir.resolve(bucket).resolve(URLEncoder.encode(key, StandardCharsets.UTF_8) + ".error.json");
    }
}
