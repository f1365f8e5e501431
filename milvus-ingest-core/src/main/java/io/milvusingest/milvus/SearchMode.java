package io.milvusingest.milvus;

/** Which index {@link HybridSearcher} queries. */
public enum SearchMode {
    /** Dense and BM25 searches fused by reciprocal rank fusion (RRF, k=60). */
    HYBRID,
    /** Dense vector search with the query embedding (semantic similarity). */
    DENSE,
    /** BM25 full-text search on the analyzed text (keyword match). */
    SPARSE
}
