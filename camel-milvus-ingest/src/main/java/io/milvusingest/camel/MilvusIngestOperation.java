package io.milvusingest.camel;

/** What a {@code milvus-ingest} producer does with a message. */
public enum MilvusIngestOperation {
    /** Extract, split, embed and upload the body's document; replaces the source's earlier rows. */
    ingest,
    /** Remove the rows of the source the headers name. */
    delete,
    /** Search the collection for the body's question. */
    search
}
