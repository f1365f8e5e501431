package io.milvusingest.milvus;

/** Which index {@link HybridSearcher} queries. */
public enum SearchMode {
    /** Dense and BM25 searches fused as {@link SearchOptions#fusion()} says (min-max normalized scores, or RRF). */
    HYBRID,
    /** Dense vector search with the query embedding (semantic similarity). */
    DENSE,
    /** BM25 full-text search on the analyzed text (keyword match). */
    SPARSE
}
