package io.milvusingest.upload;

/** How the Milvus bean endpoint writes a job's rows. */
public enum WriteMode {
    /** Batched upserts ({@code MilvusWriter}): rows searchable per document. */
    STREAM,
    /** Import files staged in Milvus's bucket and loaded by a Milvus import job. */
    BULK
}
