package io.milvusingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvusingest.milvus.CollectionSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportLayoutTest {

    @Test
    void should_leave_out_the_bm25_sparse_output_and_keep_our_deterministic_pk() {
        ImportLayout layout = ImportLayout.of(CollectionSchemas.schema(384));
        assertThat(layout.names()).containsExactly("pk", "vector", "source", "content_metadata", "text");
        assertThat(layout.columns().get(1).dimension()).isEqualTo(384);
        assertThat(layout.dynamic()).isFalse();
    }

    @Test
    void should_leave_out_an_auto_id_pk_and_add_meta_for_a_dynamic_collection() {
        CreateCollectionReq.CollectionSchema schema = MilvusClientV2.CreateSchema();
        schema.setEnableDynamicField(true);
        schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(true).build());
        schema.addField(AddFieldReq.builder().fieldName("vector").dataType(DataType.FloatVector).dimension(4).build());
        ImportLayout layout = ImportLayout.of(schema);
        assertThat(layout.names()).containsExactly("vector", "$meta");
    }

    @Test
    void should_write_bm25_collection_rows_without_sparse_to_parquet(@TempDir Path dir) throws Exception {
        ImportLayout layout = ImportLayout.of(CollectionSchemas.schema(3));
        JsonObject row = JsonParser.parseString("{\"pk\": 5, \"vector\": [0.1, 0.2, 0.3], \"text\": \"otters\","
                + " \"source\": {\"source_id\": \"/a.pdf\"}, \"content_metadata\": {\"page_number\": 2},"
                + " \"sparse\": {\"1\": 0.5}}").getAsJsonObject();
        try (ImportFileWriter w = ImportFileWriter.create("parquet", layout, dir, "bm25")) {
            w.write(layout.shape(row));
        }
        try (ParquetReader<Group> r = ImportFilesTest.parquetRows(dir.resolve("bm25.parquet"))) {
            Group g = r.read();
            assertThat(g.getType().getFields()).extracting(t -> t.getName())
                    .containsExactly("pk", "vector", "source", "content_metadata", "text");
            assertThat(g.getString("content_metadata", 0)).isEqualTo("{\"page_number\":2}");
        }
    }

    @Test
    void should_write_a_client_side_sparse_vector_as_json_text_in_parquet_and_an_object_in_json(@TempDir Path dir)
            throws Exception {
        CreateCollectionReq.CollectionSchema schema = MilvusClientV2.CreateSchema();
        schema.addField(AddFieldReq.builder().fieldName("pk").dataType(DataType.Int64).isPrimaryKey(true).build());
        schema.addField(AddFieldReq.builder().fieldName("sparse").dataType(DataType.SparseFloatVector).build());
        ImportLayout layout = ImportLayout.of(schema);
        JsonObject row = JsonParser.parseString("{\"pk\": 1, \"sparse\": {\"indices\": [3, 17], \"values\": [0.5, 0.25]}}")
                .getAsJsonObject();
        try (ImportFileWriter p = ImportFileWriter.create("parquet", layout, dir, "s");
             ImportFileWriter j = ImportFileWriter.create("json", layout, dir, "s")) {
            p.write(layout.shape(row));
            j.write(layout.shape(row));
        }
        try (ParquetReader<Group> r = ImportFilesTest.parquetRows(dir.resolve("s.parquet"))) {
            assertThat(r.read().getString("sparse", 0)).isEqualTo("{\"indices\":[3,17],\"values\":[0.5,0.25]}");
        }
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("s.json"))).getAsJsonObject();
        assertThat(json.getAsJsonArray("rows").get(0).getAsJsonObject().getAsJsonObject("sparse")
                .getAsJsonArray("indices").get(1).getAsInt()).isEqualTo(17);
    }
}
