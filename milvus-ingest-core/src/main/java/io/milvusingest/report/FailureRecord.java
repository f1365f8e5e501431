package io.milvusingest.report;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The durable reason a document failed, written as {@code <name>.error.json} beside the failed file.
 *
 * @param file     file name
 * @param source   source id (absolute path or URI)
 * @param kind     classified reason
 * @param stage    extract, split, embed or upload
 * @param page     1-based page where it failed, or null
 * @param message  human-readable message (never contains secrets)
 * @param time     when it failed (ISO-8601, UTC)
 * @param attempts delivery attempts made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailureRecord(String file, String source, ErrorKind kind, String stage, Integer page, String message,
                            String time, int attempts) {
    /** Appended to a failed file's name to name its record. */
    public static final String ERROR_SUFFIX = ".error.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Classifies any throwable: an {@link IngestException} keeps its kind, anything else is INTERNAL. */
    public static FailureRecord of(String file, String source, Throwable error, int attempts) {
        Instant now = Instant.now();
        if (error instanceof IngestException ie) {
            return new FailureRecord(file, source, ie.kind(), ie.stage().label(), ie.page(), ie.getMessage(),
                    now.toString(), attempts);
        }
        return new FailureRecord(file, source, ErrorKind.INTERNAL, null, null, String.valueOf(error), now.toString(),
                attempts);
    }

    /** Unwraps Camel/JDK wrappers down to the {@link IngestException} that classifies the failure, if any. */
    public static Throwable rootIngestCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IngestException) {
                return c;
            }
        }
        return t;
    }

    /**
     * Writes {@code <failedFile>.error.json} beside the failed file (which may not be there yet), creating its folder;
     * the record appears whole (temporary file, then an atomic move).
     *
     * @return the file written
     * @throws IOException when the disk refuses
     */
    public Path writeBeside(Path failedFile) throws IOException {
        Files.createDirectories(failedFile.toAbsolutePath().getParent());
        Path target = failedFile.resolveSibling(failedFile.getFileName() + ERROR_SUFFIX);
        // written aside, then moved in one step: whoever watches .failed/ never reads half a record
        Path tmp = Files.createTempFile(target.getParent(), ".", ERROR_SUFFIX);
        try {
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
