package io.milvusingest.milvus;

import io.milvus.v2.common.IndexParam;
import java.util.Locale;
import java.util.Map;

/**
 * The dense vector index type ({@code milvus.index.type}), named {@link Fields#DENSE_INDEX}, metric
 * {@link CollectionSchemas#DENSE_METRIC}.
 */
public enum DenseIndex {
    /** CPU Milvus: HNSW with NeMo Retriever's M=64, efConstruction=512. The default. */
    HNSW,
    /**
     * GPU Milvus images: GPU_CAGRA with NeMo Retriever's build parameters (intermediate_graph_degree=128,
     * graph_degree=100, build_algo=NN_DESCENT) and adapt_for_cpu=true, so the index can also be searched on CPU.
     */
    GPU_CAGRA;

    /** Build parameters of {@link #GPU_CAGRA}, as NeMo Retriever sets them. */
    public static final Map<String, Object> CAGRA_PARAMS = Map.of("intermediate_graph_degree", 128,
            "graph_degree", 100, "build_algo", "NN_DESCENT", "adapt_for_cpu", "true");

    /** @param name {@code hnsw} or {@code gpu_cagra}, any case */
    public static DenseIndex of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** @return the index on {@link Fields#VECTOR} */
    public IndexParam param() {
        if (this == HNSW) {
            return CollectionSchemas.indexes().get(0);
        }
        return IndexParam.builder().fieldName(Fields.VECTOR).indexName(Fields.DENSE_INDEX)
                .indexType(IndexParam.IndexType.GPU_CAGRA).metricType(CollectionSchemas.DENSE_METRIC)
                .extraParams(CAGRA_PARAMS).build();
    }
}
