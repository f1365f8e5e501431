package io.milvusingest.bulk;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Milvus's row-based JSON import file: {@code {"rows": [{field: value, ...}, ...]}}. JSON fields and
 * {@code $meta} are nested objects; float vectors are arrays; sparse vectors are the objects Milvus documents
 * ({@code {"indices": [...], "values": [...]}} or {@code {"<index>": value}}), passed through as given.
 */
final class JsonRowsWriter implements ImportFileWriter {
    private static final Gson GSON = new Gson();
    private final Path path;
    private final JsonWriter json;
    private long rows;
    private boolean closed;

    JsonRowsWriter(Path path) throws IOException {
        this.path = path;
        this.json = new JsonWriter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path),
                StandardCharsets.UTF_8), 1 << 16));
        json.beginObject().name("rows").beginArray();
    }

    @Override
    public void write(JsonObject row) throws IOException {
        GSON.toJson(row, json);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long bytes() throws IOException {
        return Files.size(path);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            json.endArray().endObject();
            json.close();
        }
    }
}
