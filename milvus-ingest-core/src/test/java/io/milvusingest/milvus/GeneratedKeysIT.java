package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.common.clientenum.FunctionType;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.ReleaseCollectionReq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Collections laid out as NeMo Retriever's {@code create_nvingest_collection} makes them (generated keys, dynamic
 * field, with or without {@code sparse}; the same layout built here in Java) are adopted and re-ingested without
 * duplicates. The python-driven {@code NemoClientIT} does the same with NeMo's own function.
 */
@ExtendWith(MilvusLiteExtension.class)
class GeneratedKeysIT {
    private static MilvusClientV2 client;
    private final HashingTestEmbedder embedder = new HashingTestEmbedder(16);

    @BeforeAll
    static void connect(MilvusLiteServer server) {
        client = MilvusConnector.connect(server.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @ParameterizedTest(name = "sparse={0}")
    @ValueSource(booleans = {true, false})
    void aNeMoLayoutCollectionIsAdoptedAndReingestingReplacesRows(boolean sparse) {
        String name = MilvusLiteExtension.collectionName("nemo_layout");
        createNeMoLayout(name, sparse);
        CollectionManager manager = new CollectionManager(client);

        assertThat(manager.ensureCollection(name, 16, false)).isEqualTo(CollectionManager.Outcome.EXISTED);
        assertThat(manager.generatesKeys(name)).isTrue();
        MilvusWriter writer = new MilvusWriter(client, name, 2, true);
        writer.write(TestDocs.doc("/d/a.txt", embedder, "one", "two", "three oldword"));
        writer.write(TestDocs.doc("/d/b.txt", embedder, "other document"));
        var again = writer.write(TestDocs.doc("/d/a.txt", embedder, "one newword", "two"));

        assertThat(again.rowsDeleted()).as("every earlier row of the source").isEqualTo(3);
        assertThat(writer.count(Filters.sourceIdEquals("/d/a.txt"))).isEqualTo(2);
        assertThat(writer.count(null)).isEqualTo(3);
        assertThat(writer.count(Fields.TEXT + " like \"%oldword%\"")).isZero();
        assertThat(writer.count(Fields.TEXT + " like \"%newword%\"")).isEqualTo(1);
        if (sparse) {
            assertThat(new HybridSearcher(client, name, embedder).search("newword", 5, SearchMode.SPARSE, null))
                    .singleElement().satisfies(h -> assertThat(h.sourceName()).isEqualTo("/d/a.txt"));
        }
    }

    @Test
    void ourCollectionsKeepTheirOwnKeys() {
        String name = MilvusLiteExtension.collectionName("own_keys");
        CollectionManager manager = new CollectionManager(client);
        manager.ensureCollection(name, 16, false);
        assertThat(manager.generatesKeys(name)).isFalse();
    }

    @Test
    void aCommitLoadsAReleasedCollection() {
        String name = MilvusLiteExtension.collectionName("commit_load");
        new CollectionManager(client).ensureCollection(name, 16, false);
        MilvusWriter writer = new MilvusWriter(client, name);
        writer.write(TestDocs.doc("/d/c.txt", embedder, "committed"));
        client.releaseCollection(ReleaseCollectionReq.builder().collectionName(name).build());
        assertThat(client.getLoadState(GetLoadStateReq.builder().collectionName(name).build())).isFalse();

        writer.commit();

        assertThat(client.getLoadState(GetLoadStateReq.builder().collectionName(name).build())).isTrue();
        assertThat(writer.count(null)).isEqualTo(1);
    }

    /** {@code create_nvingest_schema} + {@code create_nvingest_index_params} of nv-ingest-client 26.3.0 (server URI). */
    private static void createNeMoLayout(String name, boolean sparse) {
        CreateCollectionReq.CollectionSchema schema = MilvusClientV2.CreateSchema();
        schema.setEnableDynamicField(true);
        schema.addField(AddFieldReq.builder().fieldName("pk").dataType(DataType.Int64).isPrimaryKey(true).autoID(true)
                .build());
        schema.addField(AddFieldReq.builder().fieldName("vector").dataType(DataType.FloatVector).dimension(16).build());
        schema.addField(AddFieldReq.builder().fieldName("source").dataType(DataType.JSON).build());
        schema.addField(AddFieldReq.builder().fieldName("content_metadata").dataType(DataType.JSON).isNullable(true)
                .build());
        List<IndexParam> indexes = new ArrayList<>(List.of(IndexParam.builder().fieldName("vector")
                .indexName("dense_index").indexType(IndexParam.IndexType.HNSW).metricType(IndexParam.MetricType.L2)
                .extraParams(Map.of("params", "{\"M\": 64, \"efConstruction\": 512}")).build()));
        if (sparse) {
            schema.addField(AddFieldReq.builder().fieldName("sparse").dataType(DataType.SparseFloatVector).build());
            schema.addField(AddFieldReq.builder().fieldName("text").dataType(DataType.VarChar).maxLength(65_535)
                    .enableAnalyzer(true).analyzerParams(CollectionSchemas.englishAnalyzer()).enableMatch(true).build());
            schema.addFunction(CreateCollectionReq.Function.builder().name("bm25").functionType(FunctionType.BM25)
                    .inputFieldNames(List.of("text")).outputFieldNames(List.of("sparse")).build());
            indexes.add(IndexParam.builder().fieldName("sparse").indexName("sparse_index")
                    .indexType(IndexParam.IndexType.SPARSE_INVERTED_INDEX).metricType(IndexParam.MetricType.BM25).build());
        } else {
            schema.addField(AddFieldReq.builder().fieldName("text").dataType(DataType.VarChar).maxLength(65_535).build());
        }
        client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema)
                .indexParams(indexes).build());
    }
}
