package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.milvus.common.clientenum.FunctionType;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import io.milvus.v2.service.vector.request.UpsertReq;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MilvusLiteExtension.class)
class CollectionManagerIT {
    private static MilvusClientV2 client;
    private static CollectionManager manager;

    @BeforeAll
    static void connect(MilvusLiteServer server) {
        client = MilvusConnector.connect(server.uri());
        manager = new CollectionManager(client);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void lets_clients_that_start_together_all_find_one_collection() throws Exception {
        String name = MilvusLiteExtension.collectionName("raced");
        int clients = 4;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(clients);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<CollectionManager.Outcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await(); // all check "missing" at about the same time, then all create
                    return manager.ensureCollection(name, 384, false);
                }));
            }
            List<CollectionManager.Outcome> got = new java.util.ArrayList<>();
            for (var f : outcomes) {
                got.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(got).containsOnly(CollectionManager.Outcome.CREATED, CollectionManager.Outcome.EXISTED)
                    .contains(CollectionManager.Outcome.CREATED);
            assertThat(client.getLoadState(GetLoadStateReq.builder().collectionName(name).build())).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createsTheHybridSchemaWithIndexesAndLoadsIt() {
        String name = MilvusLiteExtension.collectionName("schema");
        assertThat(manager.ensureCollection(name, 384, false)).isEqualTo(CollectionManager.Outcome.CREATED);

        CreateCollectionReq.CollectionSchema schema = client.describeCollection(
                DescribeCollectionReq.builder().collectionName(name).build()).getCollectionSchema();
        assertThat(schema.getFieldSchemaList()).extracting(CreateCollectionReq.FieldSchema::getName)
                .containsExactlyInAnyOrder("pk", "vector", "text", "sparse", "source", "content_metadata");
        CreateCollectionReq.FieldSchema pk = schema.getField(Fields.PK);
        assertThat(pk.getDataType()).isEqualTo(DataType.Int64);
        assertThat(pk.getIsPrimaryKey()).isTrue();
        assertThat(pk.getAutoID()).isFalse();
        assertThat(schema.getField(Fields.VECTOR).getDataType()).isEqualTo(DataType.FloatVector);
        assertThat(schema.getField(Fields.VECTOR).getDimension()).isEqualTo(384);
        CreateCollectionReq.FieldSchema text = schema.getField(Fields.TEXT);
        assertThat(text.getDataType()).isEqualTo(DataType.VarChar);
        assertThat(text.getMaxLength()).isEqualTo(65_535);
        assertThat(text.getEnableAnalyzer()).isTrue();
        assertThat(text.getEnableMatch()).isTrue();
        assertThat(text.getAnalyzerParams()).isEqualTo(CollectionSchemas.englishAnalyzer());
        assertThat(schema.getField(Fields.SPARSE).getDataType()).isEqualTo(DataType.SparseFloatVector);
        assertThat(schema.getField(Fields.SOURCE).getDataType()).isEqualTo(DataType.JSON);
        assertThat(schema.getField(Fields.CONTENT_METADATA).getDataType()).isEqualTo(DataType.JSON);
        assertThat(schema.getFunctionList()).singleElement().satisfies(f -> {
            assertThat(f.getName()).isEqualTo("bm25");
            assertThat(f.getFunctionType()).isEqualTo(FunctionType.BM25);
            assertThat(f.getInputFieldNames()).containsExactly("text");
            assertThat(f.getOutputFieldNames()).containsExactly("sparse");
        });

        DescribeIndexResp.IndexDesc dense = index(name, Fields.VECTOR);
        assertThat(dense.getIndexType()).isEqualTo(IndexParam.IndexType.HNSW);
        assertThat(dense.getMetricType()).isEqualTo(IndexParam.MetricType.L2);
        assertThat(dense.getExtraParams()).containsAllEntriesOf(Map.of("M", "64", "efConstruction", "512"));
        DescribeIndexResp.IndexDesc sparse = index(name, Fields.SPARSE);
        assertThat(sparse.getIndexType()).isEqualTo(IndexParam.IndexType.SPARSE_INVERTED_INDEX);
        assertThat(sparse.getMetricType()).isEqualTo(IndexParam.MetricType.BM25);

        assertThat(client.getLoadState(GetLoadStateReq.builder().collectionName(name).build())).isTrue();
        assertThat(manager.dimension(name)).isEqualTo(384);
    }

    @Test
    void keepsACompatibleCollection() {
        String name = MilvusLiteExtension.collectionName("keep");
        manager.ensureCollection(name, 8, false);
        MilvusWriter writer = new MilvusWriter(client, name);
        writer.write(TestDocs.doc("/d/keep.txt", new HashingTestEmbedder(8), "kept row"));

        assertThat(manager.ensureCollection(name, 8, false)).isEqualTo(CollectionManager.Outcome.EXISTED);
        assertThat(writer.count(null)).isEqualTo(1);
    }

    @Test
    void rowsOfTheEarlierLayoutNameTheMigration() {
        String name = MilvusLiteExtension.collectionName("oldlayout");
        manager.ensureCollection(name, 8, false);
        JsonObject row = RowMapper.rows(TestDocs.doc("/d/old.txt", new HashingTestEmbedder(8), "old")).get(0);
        JsonObject old = new JsonObject(); // as milvus-ingest wrote it before: 1-based page, keys at the top level
        old.addProperty("type", "text");
        old.addProperty("page_number", 1);
        old.addProperty("chunk_index", 0);
        old.addProperty("token_count", 1);
        row.add(Fields.CONTENT_METADATA, old);
        client.upsert(UpsertReq.builder().collectionName(name).data(List.of(row)).build());

        assertThatThrownBy(() -> manager.ensureCollection(name, 8, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("collection " + name + " holds rows of an earlier milvus-ingest layout")
                .hasMessageContaining("--recreate");
        assertThatThrownBy(() -> manager.loadForSearch(name, 8)).hasMessageContaining("--recreate");
        assertThat(manager.ensureCollection(name, 8, true)).isEqualTo(CollectionManager.Outcome.RECREATED);
        manager.loadForSearch(name, 8);
    }

    @Test
    void dimensionMismatchFailsWithAHint() {
        String name = MilvusLiteExtension.collectionName("dim");
        manager.ensureCollection(name, 768, false);
        assertThatThrownBy(() -> manager.ensureCollection(name, 384, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("collection " + name + " has vector dim 768 but the embedding model gives 384; "
                        + "use --recreate or another collection");
    }

    @Test
    void recreateDropsOldRows() {
        String name = MilvusLiteExtension.collectionName("recreate");
        manager.ensureCollection(name, 8, false);
        MilvusWriter writer = new MilvusWriter(client, name);
        writer.write(TestDocs.doc("/d/old.txt", new HashingTestEmbedder(8), "old one", "old two"));
        assertThat(writer.count(null)).isEqualTo(2);

        assertThat(manager.ensureCollection(name, 16, true)).isEqualTo(CollectionManager.Outcome.RECREATED);
        assertThat(writer.count(null)).isZero();
        assertThat(manager.dimension(name)).isEqualTo(16);
    }

    @Test
    void foreignSchemaIsRejected() {
        String name = MilvusLiteExtension.collectionName("foreign");
        CreateCollectionReq.CollectionSchema schema = MilvusClientV2.CreateSchema();
        schema.addField(io.milvus.v2.service.collection.request.AddFieldReq.builder().fieldName("pk")
                .dataType(DataType.Int64).isPrimaryKey(true).autoID(true).build());
        schema.addField(io.milvus.v2.service.collection.request.AddFieldReq.builder().fieldName("vector")
                .dataType(DataType.FloatVector).dimension(8).build());
        client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema)
                .indexParams(List.of(IndexParam.builder().fieldName("vector").indexType(IndexParam.IndexType.HNSW)
                        .metricType(IndexParam.MetricType.L2).build())).build());

        assertThatThrownBy(() -> manager.ensureCollection(name, 8, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("collection " + name + " does not have the milvus-ingest schema")
                .hasMessageContaining("use --recreate or another collection");
        assertThat(manager.ensureCollection(name, 8, true)).isEqualTo(CollectionManager.Outcome.RECREATED);
    }

    private static DescribeIndexResp.IndexDesc index(String collection, String field) {
        return client.describeIndex(DescribeIndexReq.builder().collectionName(collection).fieldName(field).build())
                .getIndexDescriptions().get(0);
    }
}
