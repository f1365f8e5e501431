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
 *                    HYBRID with the default {@code search.ranker=minmax} the weighted sum of the two lists'
 *                    per-query min-max normalized scores, in [0, 1] (1: the best of both lists); with
 *                    {@code rrf} the RRF score (sum of 1/(60 + rank) over the two searches, at most 2/61); with
 *                    {@code weighted} the weighted sum of Milvus-normalized scores, in [0, 1]
 * @param text        the chunk text
 * @param sourceName  {@code source.source_name}: the full path or URI (null if absent)
 * @param sourceId    {@code source.source_id}, the document identity (null if absent)
 * @param pageNumber  {@code content_metadata.page_number} as stored: 0-based page, -1 for page-less formats or if
 *                    absent (NeMo Retriever's convention); {@link #page()} is the 1-based page people see
 * @param contentType {@code text}, {@code table}, {@code chart} or {@code image}: {@code content_metadata.type},
 *                    or its {@code subtype} for {@code structured} rows (null if absent)
 * @param chunkIndex  {@code content_metadata.custom_content.chunk_index}, 0-based; -1 if absent (rows from other
 *                    tools)
 */
public record SearchHit(float score, String text, String sourceName, String sourceId, int pageNumber,
                        String contentType, int chunkIndex) {

    /** @return this hit with another score (e.g. a reranker's), everything else the same */
    public SearchHit withScore(float newScore) {
        return new SearchHit(newScore, text, sourceName, sourceId, pageNumber, contentType, chunkIndex);
    }

    /** Builds a hit from a search result's output fields (text, source, content_metadata). */
    static SearchHit of(float score, Map<String, Object> entity) {
        JsonObject source = json(entity.get(Fields.SOURCE));
        JsonObject meta = json(entity.get(Fields.CONTENT_METADATA));
        Object text = entity.get(Fields.TEXT);
        return new SearchHit(score, text == null ? null : text.toString(), string(source, Fields.SOURCE_NAME),
                string(source, Fields.SOURCE_ID), integer(meta, Fields.PAGE_NUMBER, -1),
                NemoVocabulary.ourType(string(meta, Fields.CM_TYPE), string(meta, Fields.SUBTYPE)),
                integer(json(meta.get(Fields.CUSTOM_CONTENT)), Fields.CHUNK_INDEX, -1));
    }

    /** @return the 1-based page people see ("p.1"), or 0 for a page-less source */
    public int page() {
        return pageNumber >= 0 ? pageNumber + 1 : 0;
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
