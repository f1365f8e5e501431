package io.milvusingest.milvus;

/**
 * Every Milvus field name and JSON key this project writes or reads, in one place.
 *
 * <p>The layout follows NeMo Retriever's {@code vdb_upload} schema so collections stay readable by its
 * retrieval helpers: scalar metadata lives in two JSON fields, {@link #SOURCE} and {@link #CONTENT_METADATA},
 * addressed in filter expressions as {@code source["source_id"]} or {@code content_metadata["page_number"]}.
 */
public final class Fields {

    /** INT64 primary key, supplied by us (see {@link PrimaryKeys}); autoID is off. */
    public static final String PK = "pk";
    /** FLOAT_VECTOR(dimension): the dense embedding of {@link #TEXT}, L2-normalized. */
    public static final String VECTOR = "vector";
    /** VARCHAR(65535 bytes), analyzed (English) and the input of the BM25 function. */
    public static final String TEXT = "text";
    /** SPARSE_FLOAT_VECTOR written by the BM25 function from {@link #TEXT}; never supplied by us. */
    public static final String SPARSE = "sparse";
    /** JSON object describing the source document; keys {@code SOURCE_*} below. */
    public static final String SOURCE = "source";
    /** JSON object describing the chunk; keys {@code CM_*} below. */
    public static final String CONTENT_METADATA = "content_metadata";

    /** Name of the BM25 function (text to sparse), as NeMo Retriever names it. */
    public static final String BM25_FUNCTION = "bm25";
    /** Index name of the dense HNSW index (NeMo Retriever's {@code DENSE_INDEX_NAME}). */
    public static final String DENSE_INDEX = "dense_index";
    /** Index name of the sparse BM25 index (NeMo Retriever's name). */
    public static final String SPARSE_INDEX = "sparse_index";

    /**
     * {@code source.source_name}: the full path or URI, as NeMo Retriever stores it (its {@code remove_records}
     * matches on it); the same value as {@link #SOURCE_ID}.
     */
    public static final String SOURCE_NAME = "source_name";
    /** {@code source.source_id}: stable identity (absolute path or {@code s3://bucket/key}); keys derive from it. */
    public static final String SOURCE_ID = "source_id";
    /** {@code source.source_location}: the source as a URI ({@code file:///...} or {@code s3://bucket/key}). */
    public static final String SOURCE_LOCATION = "source_location";
    /** {@code source.source_type}: NeMo's lower-case {@code DocumentTypeEnum} value (see {@link NemoVocabulary}). */
    public static final String SOURCE_TYPE = "source_type";
    /** {@code source.collection_id}: always "" (NeMo's default). */
    public static final String COLLECTION_ID = "collection_id";
    /** {@code source.date_created}: ISO-8601; the last modification time (files and objects give no creation time). */
    public static final String DATE_CREATED = "date_created";
    /** {@code source.last_modified}: ISO-8601 instant, e.g. {@code 2025-01-31T12:00:00Z}. */
    public static final String LAST_MODIFIED = "last_modified";
    /** {@code source.summary}: always "" (NeMo's default). */
    public static final String SUMMARY = "summary";
    /** {@code source.partition_id}: always -1 (NeMo's default). */
    public static final String PARTITION_ID = "partition_id";
    /** {@code source.access_level}: always -1, NeMo's {@code AccessLevelEnum.UNKNOWN}. */
    public static final String ACCESS_LEVEL = "access_level";
    /**
     * {@code custom_content}: NeMo's free-form object on both {@code source} and {@code content_metadata}, the
     * one place its schemas take keys of ours ({@link #FILE_SIZE}, {@link #ETAG}, {@link #CHUNK_INDEX},
     * {@link #TOKEN_COUNT}, {@link #HEADING_PATH}).
     */
    public static final String CUSTOM_CONTENT = "custom_content";
    /** {@code source.custom_content.file_size}: size in bytes. */
    public static final String FILE_SIZE = "file_size";
    /** {@code source.custom_content.etag}: the bucket object's ETag (without quotes); absent for local files. */
    public static final String ETAG = "etag";

    /** {@code content_metadata.type}: {@code text}, {@code structured} (tables, charts) or {@code image}. */
    public static final String CM_TYPE = "type";
    /** {@code content_metadata.subtype}: {@code table} or {@code chart} on structured rows, else "". */
    public static final String SUBTYPE = "subtype";
    /** {@code content_metadata.description}: NeMo's {@code ContentDescriptionEnum} text, or "". */
    public static final String DESCRIPTION = "description";
    /** {@code content_metadata.page_number}: 0-based page; -1 for page-less formats (NeMo's convention). */
    public static final String PAGE_NUMBER = "page_number";
    /** {@code content_metadata.hierarchy}: {page_count, page, block, line, span, nearby_objects} (NeMo's). */
    public static final String HIERARCHY = "hierarchy";
    /** {@code content_metadata.start_time} and {@code end_time}: audio only; always -1. */
    public static final String START_TIME = "start_time";
    /** See {@link #START_TIME}. */
    public static final String END_TIME = "end_time";
    /** {@code content_metadata.location}: NeMo's vdb_upload copy of the table/image location, or null. */
    public static final String LOCATION = "location";
    /** {@code content_metadata.max_dimensions}: NeMo's vdb_upload copy of the page size, or null. */
    public static final String MAX_DIMENSIONS = "max_dimensions";
    /** {@code content_metadata.custom_content.chunk_index}: 0-based chunk position within the document. */
    public static final String CHUNK_INDEX = "chunk_index";
    /** {@code content_metadata.custom_content.token_count}: model tokens in the chunk, without special tokens. */
    public static final String TOKEN_COUNT = "token_count";

    /**
     * {@code custom_content.heading_path}: the PDF outline headings the chunk falls under, top level first, joined
     * by {@code " > "}; absent when the document has no outline or the chunk comes before its first heading.
     */
    public static final String HEADING_PATH = "heading_path";

    /** {@code content_metadata.table_metadata}: object, on {@code table} rows (NeMo Retriever's table_metadata). */
    public static final String TABLE_METADATA = "table_metadata";
    /** {@code table_metadata.table_content}: the row's Markdown (the table, or the chunk of it). */
    public static final String TABLE_CONTENT = "table_content";
    /** {@code table_metadata.table_format}: always {@code markdown} (NeMo's {@code TableFormatEnum}). */
    public static final String TABLE_FORMAT = "table_format";
    /** {@code table_metadata.table_content_format}: always {@code markdown}. */
    public static final String TABLE_CONTENT_FORMAT = "table_content_format";
    /** {@code table_metadata.caption} and {@code image_metadata.caption}: always "" (captions become the text). */
    public static final String CAPTION = "caption";
    /** {@code table_metadata.table_location}: {@code [x0, y0, x1, y1]} in points, top-left origin. */
    public static final String TABLE_LOCATION = "table_location";
    /** {@code table_metadata.table_location_max_dimensions}: page {@code [width, height]} in points. */
    public static final String TABLE_LOCATION_MAX_DIMENSIONS = "table_location_max_dimensions";
    /** {@code table_metadata.uploaded_image_uri}: where the store task wrote the table (NeMo's key). */
    public static final String TABLE_STORED_URI = "uploaded_image_uri";

    /** {@code content_metadata.image_metadata}: object, on {@code image}/{@code chart} rows. */
    public static final String IMAGE_METADATA = "image_metadata";
    /** {@code image_metadata.image_type}: encoding as NeMo's lower-case {@code DocumentTypeEnum} ({@code png}, {@code jpeg}). */
    public static final String IMAGE_TYPE = "image_type";
    /** {@code image_metadata.structured_image_type}: always {@code none} (NeMo's default). */
    public static final String STRUCTURED_IMAGE_TYPE = "structured_image_type";
    /** {@code image_metadata.width}: pixels. */
    public static final String IMAGE_WIDTH = "width";
    /** {@code image_metadata.height}: pixels. */
    public static final String IMAGE_HEIGHT = "height";
    /** {@code image_metadata.image_location}: {@code [x0, y0, x1, y1]} in points, top-left origin. */
    public static final String IMAGE_LOCATION = "image_location";
    /** {@code image_metadata.image_location_max_dimensions}: page {@code [width, height]} in points. */
    public static final String IMAGE_LOCATION_MAX_DIMENSIONS = "image_location_max_dimensions";
    /** {@code image_metadata.text}: the row's text, the image's OCR text (NeMo's image_metadata.text). */
    public static final String IMAGE_TEXT = "text";
    /** {@code image_metadata.uploaded_image_url}: where the store task wrote the image (NeMo's key). */
    public static final String IMAGE_STORED_URI = "uploaded_image_url";

    private Fields() {
    }
}
