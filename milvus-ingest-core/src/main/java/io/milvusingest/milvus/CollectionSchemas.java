package io.milvusingest.milvus;

import io.milvus.common.clientenum.FunctionType;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import java.util.List;
import java.util.Map;

/**
 * The collection layout: NeMo Retriever {@code vdb_upload}'s hybrid (dense + BM25) schema, with
 * caller-supplied primary keys.
 *
 * <p>Differences from NeMo Retriever, all deliberate:
 * <ul>
 *   <li>{@code pk} has autoID off: keys come from {@link PrimaryKeys}, which makes upserts idempotent.</li>
 *   <li>The English analyzer is spelled out as its documented equivalent (standard tokenizer, lowercase,
 *       English stemmer, {@code _english_} stop words; https://milvus.io/docs/english-analyzer.md) instead
 *       of {@code {"type":"english"}}, which Milvus Lite 3.2.2 rejects ("unknown tokenizer type:
 *       'english'"). Milvus builds the same analyzer from both; Milvus Lite applies only the standard
 *       tokenizer with lowercasing (its analyzer ignores the stemmer and stop filters).</li>
 *   <li>No dynamic field: every row has exactly these fields.</li>
 * </ul>
 */
public final class CollectionSchemas {
    /** Max bytes of {@link Fields#TEXT}, Milvus' VARCHAR limit as used by NeMo Retriever. */
    public static final int TEXT_MAX_LENGTH = 65_535;
    /**
     * Dense metric: L2, as NeMo Retriever (its hybrid retrieval asks for L2 explicitly, and Milvus rejects a
     * search whose metric differs from the index's). For our L2-normalized vectors L2 ranks exactly like
     * cosine and inner product: squared L2 distance d = 2 - 2·cos.
     */
    public static final IndexParam.MetricType DENSE_METRIC = IndexParam.MetricType.L2;
    /** HNSW build parameters of NeMo Retriever's CPU index: M=64, efConstruction=512. */
    public static final Map<String, Integer> HNSW_PARAMS = Map.of("M", 64, "efConstruction", 512);

    private CollectionSchemas() {
    }

    /** @return the analyzer of {@link Fields#TEXT}: Milvus' built-in English analyzer, spelled out */
    public static Map<String, Object> englishAnalyzer() {
        return Map.of("tokenizer", "standard", "filter", List.of("lowercase",
                Map.of("type", "stemmer", "language", "english"),
                Map.of("type", "stop", "stop_words", List.of("_english_"))));
    }

    /** @return the schema for vectors of {@code dimension} floats */
    public static CreateCollectionReq.CollectionSchema schema(int dimension) {
        CreateCollectionReq.CollectionSchema schema = MilvusClientV2.CreateSchema();
        schema.setEnableDynamicField(false);
        schema.addField(AddFieldReq.builder().fieldName(Fields.PK).dataType(DataType.Int64)
                .isPrimaryKey(true).autoID(false).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.VECTOR).dataType(DataType.FloatVector)
                .dimension(dimension).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.SOURCE).dataType(DataType.JSON).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.CONTENT_METADATA).dataType(DataType.JSON).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.SPARSE).dataType(DataType.SparseFloatVector).build());
        schema.addField(AddFieldReq.builder().fieldName(Fields.TEXT).dataType(DataType.VarChar)
                .maxLength(TEXT_MAX_LENGTH).enableAnalyzer(true).analyzerParams(englishAnalyzer())
                .enableMatch(true).build());
        schema.addFunction(CreateCollectionReq.Function.builder().name(Fields.BM25_FUNCTION)
                .functionType(FunctionType.BM25).inputFieldNames(List.of(Fields.TEXT))
                .outputFieldNames(List.of(Fields.SPARSE)).build());
        return schema;
    }

    /**
     * @param dense the dense index type ({@link DenseIndex#HNSW} by default)
     * @return the two indexes: {@code dense_index} (HNSW, L2, M=64, efConstruction=512) on {@code vector}
     *     and {@code sparse_index} (SPARSE_INVERTED_INDEX, BM25) on {@code sparse}. The HNSW parameters
     *     travel as one JSON {@code params} entry, the wire format pymilvus uses: Milvus flattens it, and
     *     Milvus Lite reads only that entry (separate {@code M}/{@code efConstruction} entries, which the
     *     Java SDK sends for {@code extraParams}, are ignored there).
     */
    public static List<IndexParam> indexes(DenseIndex dense) {
        return List.of(dense.param(), indexes().get(1));
    }

    /** @return {@link #indexes(DenseIndex)} with HNSW; see there */
    public static List<IndexParam> indexes() {
        String hnsw = "{\"M\": " + HNSW_PARAMS.get("M") + ", \"efConstruction\": " + HNSW_PARAMS.get("efConstruction")
                + "}";
        return List.of(
                IndexParam.builder().fieldName(Fields.VECTOR).indexName(Fields.DENSE_INDEX)
                        .indexType(IndexParam.IndexType.HNSW).metricType(DENSE_METRIC)
                        .extraParams(Map.of("params", hnsw)).build(),
                IndexParam.builder().fieldName(Fields.SPARSE).indexName(Fields.SPARSE_INDEX)
                        .indexType(IndexParam.IndexType.SPARSE_INVERTED_INDEX)
                        .metricType(IndexParam.MetricType.BM25).build());
    }
}
