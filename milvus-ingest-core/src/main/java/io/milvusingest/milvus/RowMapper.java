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
import java.util.ArrayList;
import java.util.List;

/**
 * Turns chunks into Milvus rows (Gson objects, the SDK's row format) with the fields of {@link Fields}: the one
 * place rows are built, for the streamed upserts ({@link MilvusWriter}) and the bulk import files alike.
 */
public final class RowMapper {

    private RowMapper() {
    }

    /**
     * @return the {@link Fields#SOURCE} JSON of {@code doc} (last_modified as ISO-8601 UTC instant; etag only for
     *     bucket objects)
     */
    static JsonObject source(SourceDocument doc) {
        JsonObject source = new JsonObject();
        source.addProperty(Fields.SOURCE_NAME, doc.sourceName());
        source.addProperty(Fields.SOURCE_ID, doc.sourceId());
        source.addProperty(Fields.SOURCE_TYPE, doc.sourceType());
        source.addProperty(Fields.FILE_SIZE, doc.sizeBytes());
        source.addProperty(Fields.LAST_MODIFIED, doc.lastModified() == null ? null : doc.lastModified().toString());
        if (doc.etag() != null) {
            source.addProperty(Fields.ETAG, doc.etag());
        }
        return source;
    }

    /**
     * @return the {@link Fields#CONTENT_METADATA} JSON of {@code chunk}: type, page_number, chunk_index,
     *     token_count, for tables/images their {@link ElementMetadata}, and {@code custom_content.heading_path}
     *     when the chunk has one
     */
    static JsonObject contentMetadata(Chunk chunk) {
        JsonObject meta = new JsonObject();
        meta.addProperty(Fields.CM_TYPE, chunk.type().value());
        meta.addProperty(Fields.PAGE_NUMBER, chunk.pageNumber());
        meta.addProperty(Fields.CHUNK_INDEX, chunk.index());
        meta.addProperty(Fields.TOKEN_COUNT, chunk.tokenCount());
        ElementMetadata.addTo(meta, chunk);
        if (chunk.headingPath() != null) {
            JsonObject custom = meta.has(Fields.CUSTOM_CONTENT) ? meta.getAsJsonObject(Fields.CUSTOM_CONTENT)
                    : new JsonObject();
            custom.addProperty(Fields.HEADING_PATH, chunk.headingPath());
            meta.add(Fields.CUSTOM_CONTENT, custom);
        }
        return meta;
    }

    /**
     * @param source the document's {@link #source} JSON (copied into the row)
     * @param vector the chunk's dense vector
     * @return a row with pk, vector, text, source and content_metadata; {@code sparse} is left to BM25
     */
    static JsonObject row(String sourceId, JsonObject source, Chunk chunk, float[] vector) {
        JsonObject row = new JsonObject();
        row.addProperty(Fields.PK, PrimaryKeys.of(sourceId, chunk.index()));
        JsonArray values = new JsonArray(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        row.add(Fields.VECTOR, values);
        row.addProperty(Fields.TEXT, chunk.text());
        row.add(Fields.SOURCE, source.deepCopy());
        row.add(Fields.CONTENT_METADATA, contentMetadata(chunk));
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
            batch.add(row(sourceId, source, chunk, doc.vectors().get(i)));
            batchBytes += rowBytes;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
