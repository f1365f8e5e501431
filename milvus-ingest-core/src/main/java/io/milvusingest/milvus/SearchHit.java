package io.milvusingest.milvus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;

/**
 * One search result.
 *
 * @param score       relevance, higher is better; its scale depends on the mode: DENSE cosine similarity
 *                    in [-1, 1], SPARSE BM25 score (>= 0, not comparable across collections or segments),
 *                    HYBRID RRF score (sum of 1/(60 + rank) over the two searches, at most 2/61), or with
 *                    {@code search.ranker=weighted} the weighted sum of Milvus-normalized scores, in [0, 1]
 * @param text        the chunk text
 * @param sourceName  {@code source.source_name}, e.g. the file name (null if absent)
 * @param sourceId    {@code source.source_id}, the document identity (null if absent)
 * @param pageNumber  {@code content_metadata.page_number}: 1-based page, 0 for page-less formats or if absent
 * @param contentType {@code content_metadata.type}, e.g. {@code text} or {@code table} (null if absent)
 * @param chunkIndex  {@code content_metadata.chunk_index}, 0-based; -1 if absent (rows from other tools)
 */
public record SearchHit(float score, String text, String sourceName, String sourceId, int pageNumber,
                        String contentType, int chunkIndex) {

    /** Builds a hit from a search result's output fields (text, source, content_metadata). */
    static SearchHit of(float score, Map<String, Object> entity) {
        JsonObject source = json(entity.get(Fields.SOURCE));
        JsonObject meta = json(entity.get(Fields.CONTENT_METADATA));
        Object text = entity.get(Fields.TEXT);
        return new SearchHit(score, text == null ? null : text.toString(), string(source, Fields.SOURCE_NAME),
                string(source, Fields.SOURCE_ID), integer(meta, Fields.PAGE_NUMBER, 0), string(meta, Fields.CM_TYPE),
                integer(meta, Fields.CHUNK_INDEX, -1));
    }

    private static JsonObject json(Object value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        if (value instanceof String s && !s.isBlank()) {
            JsonElement parsed = JsonParser.parseString(s);
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        }
        return new JsonObject();
    }

    private static String string(JsonObject object, String key) {
        JsonElement e = object.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static int integer(JsonObject object, String key, int fallback) {
        JsonElement e = object.get(key);
        return e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() ? fallback : e.getAsInt();
    }
}
