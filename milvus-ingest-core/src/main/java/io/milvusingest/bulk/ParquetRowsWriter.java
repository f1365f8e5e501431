package io.milvusingest.bulk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Milvus's Parquet import file (schema in {@link ParquetLayout}), written with parquet-hadoop's plain-Java
 * output path (no Hadoop file system). Uncompressed: float vectors hardly compress, and a codec would pull in
 * Hadoop's configuration classes. Memory: one row group (at most {@link #ROW_GROUP_BYTES}) is buffered.
 */
final class ParquetRowsWriter implements ImportFileWriter {
    /** Row group size in bytes: 32 MB keeps the writer's buffer small; Milvus reads any row group size. */
    static final int ROW_GROUP_BYTES = 32 << 20;

    private final ImportLayout layout;
    private final Path path;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;
    private long rows;
    private boolean closed;

    ParquetRowsWriter(ImportLayout layout, Path path) throws IOException {
        this.layout = layout;
        this.path = path;
        MessageType schema = ParquetLayout.schema(layout);
        this.groups = new SimpleGroupFactory(schema);
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(path))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    @Override
    public void write(JsonObject row) throws IOException {
        Group g = groups.newGroup();
        for (ImportLayout.Column c : layout.columns()) {
            JsonElement v = row.get(c.name());
            if (v == null || v.isJsonNull()) {
                throw new IllegalArgumentException("row has no value for field '" + c.name() + "'");
            }
            switch (c.type()) {
                case Int64 -> g.append(c.name(), v.getAsLong());
                case Int32 -> g.append(c.name(), v.getAsInt());
                case Bool -> g.append(c.name(), v.getAsBoolean());
                case Float -> g.append(c.name(), v.getAsFloat());
                case Double -> g.append(c.name(), v.getAsDouble());
                case VarChar -> g.append(c.name(), v.getAsString());
                case JSON, SparseFloatVector -> g.append(c.name(), v.toString());
                case FloatVector -> {
                    Group list = g.addGroup(c.name());
                    for (JsonElement f : v.getAsJsonArray()) {
                        list.addGroup(ParquetLayout.LIST).append(ParquetLayout.ELEMENT, f.getAsFloat());
                    }
                }
                default -> throw new IllegalArgumentException("unsupported type " + c.type());
            }
        }
        if (layout.dynamic()) {
            JsonElement meta = row.get(ImportLayout.META);
            g.append(ImportLayout.META, meta == null ? "{}" : meta.toString());
        }
        writer.write(g);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long bytes() {
        return writer.getDataSize();
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }
}
