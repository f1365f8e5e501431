package io.milvusingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.v2.common.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFilesTest {
    static final ImportLayout DENSE = new ImportLayout(List.of(
            new ImportLayout.Column("pk", DataType.Int64, 0), new ImportLayout.Column("vector", DataType.FloatVector, 3),
            new ImportLayout.Column("text", DataType.VarChar, 0), new ImportLayout.Column("source", DataType.JSON, 0)),
            true);

    static JsonObject row(long pk) {
        JsonObject r = new JsonObject();
        r.addProperty("pk", pk);
        JsonArray v = new JsonArray();
        v.add(0.5f);
        v.add(-1f);
        v.add(pk);
        r.add("vector", v);
        r.addProperty("text", "chunk " + pk);
        r.add("source", JsonParser.parseString("{\"source_id\":\"/a/" + pk + ".pdf\"}"));
        r.addProperty("colour", "blue");
        return r;
    }

    @Test
    void should_write_parquet_columns_in_milvus_layout_with_dynamic_fields_in_meta(@TempDir Path dir) throws Exception {
        try (ImportFileWriter w = ImportFileWriter.create("parquet", DENSE, dir, "part-0")) {
            w.write(DENSE.shape(row(7)));
            w.write(DENSE.shape(row(8)));
        }
        Path file = dir.resolve("part-0.parquet");
        try (ParquetReader<Group> r = parquetRows(file)) {
            Group g = r.read();
            assertThat(g.getType().toString()).contains("required group vector (LIST)", "repeated group list",
                    "required float element", "required binary $meta (STRING)", "required int64 pk");
            assertThat(g.getLong("pk", 0)).isEqualTo(7);
            assertThat(g.getGroup("vector", 0).getFieldRepetitionCount("list")).isEqualTo(3);
            assertThat(g.getGroup("vector", 0).getGroup("list", 2).getFloat("element", 0)).isEqualTo(7f);
            assertThat(g.getString("source", 0)).isEqualTo("{\"source_id\":\"/a/7.pdf\"}");
            assertThat(g.getString("$meta", 0)).isEqualTo("{\"colour\":\"blue\"}");
            assertThat(r.read().getLong("pk", 0)).isEqualTo(8);
            assertThat(r.read()).isNull();
        }
    }

    /** @return a reader of the file's rows as example Groups (plain Java, no Hadoop file system) */
    static ParquetReader<Group> parquetRows(Path file) throws java.io.IOException {
        return new ParquetReader.Builder<Group>(new LocalInputFile(file), new PlainParquetConfiguration()) {
            @Override
            protected org.apache.parquet.hadoop.api.ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.build();
    }

    @Test
    void should_write_json_rows_file_in_milvus_layout(@TempDir Path dir) throws Exception {
        try (ImportFileWriter w = ImportFileWriter.create("json", DENSE, dir, "part-0")) {
            w.write(DENSE.shape(row(1)));
            w.write(DENSE.shape(row(2)));
        }
        JsonObject doc = JsonParser.parseString(Files.readString(dir.resolve("part-0.json"))).getAsJsonObject();
        JsonArray rows = doc.getAsJsonArray("rows");
        assertThat(rows).hasSize(2);
        JsonObject first = rows.get(0).getAsJsonObject();
        assertThat(first.keySet()).containsExactly("pk", "vector", "text", "source", "$meta");
        assertThat(first.getAsJsonObject("$meta").get("colour").getAsString()).isEqualTo("blue");
        assertThat(first.getAsJsonObject("source").get("source_id").getAsString()).isEqualTo("/a/1.pdf");
    }
}
