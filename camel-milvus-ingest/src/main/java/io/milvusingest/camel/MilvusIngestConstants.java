package io.milvusingest.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code milvus-ingest} component (and the exchange property the commit step reads). */
public final class MilvusIngestConstants {
    @Metadata(description = "The operation to perform; overrides the endpoint's operation option.",
              javaType = "io.milvusingest.camel.MilvusIngestOperation", enums = "ingest,delete,search")
    public static final String OPERATION = "CamelMilvusIngestOperation";
    @Metadata(description = "The document's source id (the value of its rows' source_id). Required for an"
            + " InputStream, byte[] or String body, and for delete unless a file or S3 key header names the source;"
            + " set on the reply of ingest and delete.", javaType = "String")
    public static final String SOURCE_ID = "CamelMilvusIngestSourceId";
    @Metadata(label = "producer", description = "Ingest reply: pages (slides, images) extracted.", javaType = "int")
    public static final String PAGES = "CamelMilvusIngestPages";
    @Metadata(label = "producer", description = "Ingest reply: chunks embedded.", javaType = "int")
    public static final String CHUNKS = "CamelMilvusIngestChunks";
    @Metadata(label = "producer", description = "Ingest reply: model tokens in all chunks.", javaType = "long")
    public static final String TOKENS = "CamelMilvusIngestTokens";
    @Metadata(label = "producer", description = "Ingest reply: rows written (upserted, or staged for bulk import).",
              javaType = "long")
    public static final String ROWS = "CamelMilvusIngestRows";
    @Metadata(label = "producer", description = "Ingest and delete reply: rows removed (an earlier version's stale"
            + " chunks, or the deleted source's rows).", javaType = "long")
    public static final String ROWS_DELETED = "CamelMilvusIngestRowsDeleted";
    @Metadata(label = "producer", description = "Ingest reply: wall time of each stage in ms, as a map with keys"
            + " extract, split, embed, upload.", javaType = "java.util.Map<String, Long>")
    public static final String STAGE_MS = "CamelMilvusIngestStageMs";
    @Metadata(description = "Search: results to return; overrides topK.", javaType = "int")
    public static final String TOP_K = "CamelMilvusIngestTopK";
    @Metadata(description = "Search: Milvus boolean expression the hits must match; overrides filter.",
              javaType = "String")
    public static final String FILTER = "CamelMilvusIngestFilter";
    @Metadata(description = "Search: hybrid, dense or sparse; overrides searchMode.", javaType = "String")
    public static final String SEARCH_MODE = "CamelMilvusIngestSearchMode";
    /** Exchange property: the group commit of the collection the document was written to (see MilvusCommit). */
    public static final String COMMIT_PROPERTY = "CamelMilvusIngestCommit";

    /** Camel's aws2-s3 headers, read to name a document fetched from a bucket. */
    static final String S3_KEY = "CamelAwsS3Key";
    static final String S3_BUCKET = "CamelAwsS3BucketName";

    private MilvusIngestConstants() {
    }
}
