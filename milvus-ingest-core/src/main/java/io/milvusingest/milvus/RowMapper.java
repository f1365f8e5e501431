package io.milvusingest.milvus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.milvusingest.model.Chunk;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns chunks into Milvus rows (Gson objects, the SDK's row format) with the fields of {@link Fields}: the one
 * place rows are built, for the streamed upserts ({@link MilvusWriter}) and the bulk import files alike. The two
 * JSON fields follow NeMo Retriever's metadata schemas (nv-ingest-api 26.3.0, {@code metadata_schema.py}) as its
 * vdb_upload stores them.
 */
public final class RowMapper {

    private RowMapper() {
    }

    /**
     * @return the {@link Fields#SOURCE} JSON of {@code doc}, NeMo's {@code SourceMetadataSchema}: source_name and
     *     source_id (both the full path or URI), source_location (as a URI), source_type (lower case), collection_id,
     *     date_created and last_modified (ISO-8601 UTC), summary, partition_id, access_level, and custom_content
     *     {file_size, etag (bucket objects only)}
     */
    static JsonObject source(SourceDocument doc) {
        JsonObject source = new JsonObject();
        source.addProperty(Fields.SOURCE_NAME, doc.sourceId());
        source.addProperty(Fields.SOURCE_ID, doc.sourceId());
        source.addProperty(Fields.SOURCE_LOCATION, doc.sourceId().startsWith("s3://") ? doc.sourceId()
                : Path.of(doc.sourceId()).toUri().toString());
        source.addProperty(Fields.SOURCE_TYPE, NemoVocabulary.sourceType(doc.extension()));
        source.addProperty(Fields.COLLECTION_ID, "");
        String modified = doc.lastModified() == null ? null : doc.lastModified().toString();
        source.addProperty(Fields.DATE_CREATED, modified);
        source.addProperty(Fields.LAST_MODIFIED, modified);
        source.addProperty(Fields.SUMMARY, "");
        source.addProperty(Fields.PARTITION_ID, -1);
        source.addProperty(Fields.ACCESS_LEVEL, -1);
        JsonObject custom = new JsonObject();
        custom.addProperty(Fields.FILE_SIZE, doc.sizeBytes());
        if (doc.etag() != null) {
            custom.addProperty(Fields.ETAG, doc.etag());
        }
        source.add(Fields.CUSTOM_CONTENT, custom);
        return source;
    }

    /**
     * @param pages the document's page count, 0 when it has no pages
     * @return the {@link Fields#CONTENT_METADATA} JSON of {@code chunk}: NeMo's {@code ContentMetadataSchema}
     *     (type, description, page_number 0-based or -1, hierarchy, subtype, start_time, end_time, custom_content
     *     {chunk_index, token_count, heading_path when the chunk has one}), NeMo vdb_upload's location and
     *     max_dimensions, and for tables/images their {@link ElementMetadata}
     */
    static JsonObject contentMetadata(Chunk chunk, String sourceType, int pages) {
        JsonObject meta = new JsonObject();
        int page = chunk.pageNumber() - 1; // ours is 1-based with 0 for none; NeMo's 0-based with -1 for none
        meta.addProperty(Fields.CM_TYPE, NemoVocabulary.contentType(chunk.type()));
        meta.addProperty(Fields.DESCRIPTION, NemoVocabulary.description(sourceType, chunk.type()));
        meta.addProperty(Fields.PAGE_NUMBER, page);
        meta.add(Fields.HIERARCHY, hierarchy(pages > 0 ? pages : -1, page));
        meta.addProperty(Fields.SUBTYPE, NemoVocabulary.subtype(chunk.type()));
        meta.addProperty(Fields.START_TIME, -1);
        meta.addProperty(Fields.END_TIME, -1);
        JsonObject custom = new JsonObject();
        custom.addProperty(Fields.CHUNK_INDEX, chunk.index());
        custom.addProperty(Fields.TOKEN_COUNT, chunk.tokenCount());
        if (chunk.headingPath() != null) {
            custom.addProperty(Fields.HEADING_PATH, chunk.headingPath());
        }
        meta.add(Fields.CUSTOM_CONTENT, custom);
        ElementMetadata.addTo(meta, chunk);
        return meta;
    }

    /** NeMo's {@code ContentHierarchySchema} with its defaults (-1, empty nearby objects) where we know nothing. */
    private static JsonObject hierarchy(int pageCount, int page) {
        JsonObject h = new JsonObject();
        h.addProperty("page_count", pageCount);
        h.addProperty("page", page);
        h.addProperty("block", -1);
        h.addProperty("line", -1);
        h.addProperty("span", -1);
        JsonObject nearby = new JsonObject();
        for (String kind : List.of("text", "images", "structured")) {
            JsonObject objects = new JsonObject();
            for (String key : List.of("content", "bbox", "type")) {
                objects.add(key, new JsonArray());
            }
            nearby.add(kind, objects);
        }
        h.add("nearby_objects", nearby);
        return h;
    }

    /**
     * @param source the document's {@link #source} JSON (copied into the row)
     * @param vector the chunk's dense vector
     * @return a row with pk, vector, text, source and content_metadata; {@code sparse} is left to BM25
     */
    static JsonObject row(String sourceId, JsonObject source, Chunk chunk, int pages, float[] vector) {
        JsonObject row = new JsonObject();
        row.addProperty(Fields.PK, PrimaryKeys.of(sourceId, chunk.index()));
        JsonArray values = new JsonArray(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        row.add(Fields.VECTOR, values);
        row.addProperty(Fields.TEXT, chunk.text());
        row.add(Fields.SOURCE, source.deepCopy());
        row.add(Fields.CONTENT_METADATA, contentMetadata(chunk, source.get(Fields.SOURCE_TYPE).getAsString(), pages));
        return row;
    }

    /**
     * @return the document's rows, one per chunk in chunk order, as the SDK takes them (pk, vector, text, source,
     *     content_metadata), for callers that store them another way (bulk import files)
     * @throws IngestException TOO_LARGE/UPLOAD when a chunk text exceeds 65535 UTF-8 bytes; INTERNAL/UPLOAD
     *                         when chunk indexes are not 0..n-1
     */
    public static List<JsonObject> rows(EmbeddedDocument doc) {
        List<List<JsonObject>> all = batches(doc, Integer.MAX_VALUE, Long.MAX_VALUE);
        return all.isEmpty() ? List.of() : all.get(0);
    }

    /**
     * @return the document's rows split into upsert batches of at most {@code maxRows} rows and about
     *     {@code maxBytes} bytes (estimated as text bytes + 4 bytes per vector float + 1 KB)
     * @throws IngestException TOO_LARGE/UPLOAD when a chunk text exceeds 65535 UTF-8 bytes; INTERNAL/UPLOAD
     *                         when chunk indexes are not 0..n-1
     */
    static List<List<JsonObject>> batches(EmbeddedDocument doc, int maxRows, long maxBytes) {
        String sourceId = doc.source().sourceId();
        JsonObject source = source(doc.source());
        List<List<JsonObject>> batches = new ArrayList<>();
        List<JsonObject> batch = new ArrayList<>();
        long batchBytes = 0;
        for (int i = 0; i < doc.chunks().size(); i++) {
            Chunk chunk = doc.chunks().get(i);
            if (chunk.index() != i) { // keys and stale-row deletion rely on indexes 0..n-1
                throw IngestException.of(ErrorKind.INTERNAL, Stage.UPLOAD, "chunk at position " + i + " has index "
                        + chunk.index()).source(sourceId).page(chunk.pageNumber()).build();
            }
            long textBytes = chunk.text().getBytes(StandardCharsets.UTF_8).length;
            if (textBytes > CollectionSchemas.TEXT_MAX_LENGTH) {
                throw IngestException.of(ErrorKind.TOO_LARGE, Stage.UPLOAD, "chunk " + chunk.index() + " has "
                        + textBytes + " UTF-8 bytes; Milvus text field holds 65535")
                        .source(sourceId).page(chunk.pageNumber()).build();
            }
            long rowBytes = textBytes + 4L * doc.vectors().get(i).length + 1024;
            if (!batch.isEmpty() && (batch.size() == maxRows || batchBytes + rowBytes > maxBytes)) {
                batches.add(batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(row(sourceId, source, chunk, doc.pages(), doc.vectors().get(i)));
            batchBytes += rowBytes;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
