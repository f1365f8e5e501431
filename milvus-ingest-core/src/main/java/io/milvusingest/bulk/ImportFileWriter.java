package io.milvusingest.bulk;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams rows into one local import file; rows go to disk as they come, so memory stays flat.
 * Not thread-safe.
 */
public interface ImportFileWriter extends AutoCloseable {

    /**
     * @param row a row shaped by {@link ImportLayout#shape} (column name to value)
     * @throws IOException when the file cannot be written
     */
    void write(JsonObject row) throws IOException;

    /** @return rows written so far */
    long rows();

    /** @return bytes written to disk so far (buffered bytes may lag behind, by at most one page/buffer) */
    long bytes() throws IOException;

    /** @return the file written */
    Path path();

    /** Finishes the file (footer, closing bracket). Idempotent. */
    @Override
    void close() throws IOException;

    /** @return a writer for {@code format} ({@code parquet} or {@code json}) creating {@code dir/<name>.<ext>} */
    static ImportFileWriter create(String format, ImportLayout layout, Path dir, String name) throws IOException {
        return switch (format) {
            case "parquet" -> new ParquetRowsWriter(layout, dir.resolve(name + ".parquet"));
            case "json" -> new JsonRowsWriter(dir.resolve(name + ".json"));
            default -> throw new IllegalArgumentException("unknown import format " + format);
        };
    }
}
