package io.milvusingest.bulk;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import io.milvusingest.milvus.Fields;
import java.util.List;
import java.util.Map;

/**
 * Collections for Milvus 2.3, which has no sparse vectors or BM25: the project's fields without {@code sparse}
 * (pk, vector, text, source, content_metadata), HNSW/L2 on the vector, created loaded.
 */
final class DenseCollections {
    private DenseCollections() {
    }

    static void create(MilvusClientV2 client, String name, int dimension) {
        CreateCollectionReq.CollectionSchema schema = MilvusClientV2.CreateSchema();
        schema.setEnableDynamicField(false);
        schema.addField(AddFieldReq.builder().fieldName(Fields.PK).dataType(DataType.Int64).isPrimaryKey(true)
                .autoID(false).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.VECTOR).dataType(DataType.FloatVector)
                .dimension(dimension).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.TEXT).dataType(DataType.VarChar).maxLength(65535).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.SOURCE).dataType(DataType.JSON).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.CONTENT_METADATA).dataType(DataType.JSON).build());
        IndexParam hnsw = IndexParam.builder().fieldName(Fields.VECTOR).indexName(Fields.DENSE_INDEX)
                .indexType(IndexParam.IndexType.HNSW).metricType(IndexParam.MetricType.L2)
                .extraParams(Map.of("M", 16, "efConstruction", 64)).build();
        client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema)
                .indexParams(List.of(hnsw)).consistencyLevel(ConsistencyLevel.STRONG).build());
    }

    /** @return the texts of the {@code k} nearest rows, nearest first */
    static List<String> nearestTexts(MilvusClientV2 client, String name, float[] vector, int k) {
        SearchResp r = client.search(SearchReq.builder().collectionName(name).annsField(Fields.VECTOR)
                .data(List.of(new FloatVec(vector))).topK(k).outputFields(List.of(Fields.TEXT))
                .consistencyLevel(ConsistencyLevel.STRONG).build());
        return r.getSearchResults().get(0).stream().map(h -> (String) h.getEntity().get(Fields.TEXT)).toList();
    }
}
