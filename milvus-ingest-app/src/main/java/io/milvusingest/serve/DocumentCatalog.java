package io.milvusingest.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvusingest.milvus.Fields;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a collection holds, per source: rows and pages ({@link #sources}), a source's chunks ({@link #chunks}), and
 * removing a source ({@link #delete}). Reads at Strong consistency, at most {@value #MAX_ROWS} rows per call
 * (Milvus's query window); beyond that {@link Listing#truncated()} says the listing is partial.
 */
public final class DocumentCatalog {
    /** Most rows one query returns (Milvus's limit on offset + limit). */
    public static final int MAX_ROWS = 16_384;
    private final Collections collections;

    public DocumentCatalog(Collections collections) {
        this.collections = collections;
    }

    /** One source: its rows, its distinct pages (1-based; page-less rows not counted) and a name. */
    public record Source(String sourceId, String sourceName, int rows, Set<Integer> pages) {
    }

    /** The sources of a collection, by source id. */
    public record Listing(Map<String, Source> sources, boolean truncated) {
    }

    /** One chunk: 1-based page (0 page-less), 0-based chunk index (-1 unknown), type and text. */
    public record ChunkRow(int page, int chunkIndex, String contentType, String text) {
    }

    public Listing sources(String collection) {
        List<QueryResp.QueryResult> rows = query(collection, "", List.of(Fields.SOURCE, Fields.CONTENT_METADATA));
        Map<String, Source> out = new TreeMap<>();
        for (QueryResp.QueryResult r : rows) {
            JsonObject source = json(r.getEntity().get(Fields.SOURCE));
            String id = string(source, Fields.SOURCE_ID);
            if (id == null) {
                continue;
            }
            int page = page(json(r.getEntity().get(Fields.CONTENT_METADATA)));
            Source s = out.computeIfAbsent(id, k -> new Source(k, string(source, Fields.SOURCE_NAME), 0, new TreeSet<>()));
            if (page > 0) {
                s.pages().add(page);
            }
            out.put(id, new Source(s.sourceId(), s.sourceName(), s.rows() + 1, s.pages()));
        }
        return new Listing(out, rows.size() >= MAX_ROWS);
    }

    /** @return the source's chunks ordered by page, then chunk index; empty when it has no rows */
    public List<ChunkRow> chunks(String collection, String sourceId) {
        List<ChunkRow> out = new ArrayList<>();
        for (QueryResp.QueryResult r : query(collection, Filters.sourceIdEquals(sourceId),
                List.of(Fields.TEXT, Fields.CONTENT_METADATA))) {
            JsonObject meta = json(r.getEntity().get(Fields.CONTENT_METADATA));
            JsonObject custom = meta.has(Fields.CUSTOM_CONTENT) && meta.get(Fields.CUSTOM_CONTENT).isJsonObject()
                    ? meta.getAsJsonObject(Fields.CUSTOM_CONTENT) : new JsonObject();
            JsonElement index = custom.get(Fields.CHUNK_INDEX);
            Object text = r.getEntity().get(Fields.TEXT);
            out.add(new ChunkRow(page(meta), index != null && index.isJsonPrimitive() ? index.getAsInt() : -1,
                    string(meta, Fields.CM_TYPE), text == null ? "" : text.toString()));
        }
        out.sort(java.util.Comparator.comparingInt(ChunkRow::page).thenComparingInt(ChunkRow::chunkIndex));
        return out;
    }

    /** @return rows deleted */
    public int delete(String collection, String sourceId) {
        return new MilvusWriter(collections.client(), collection).deleteSource(sourceId);
    }

    private List<QueryResp.QueryResult> query(String collection, String filter, List<String> fields) {
        collections.searcher(collection); // loaded
        return collections.client().query(QueryReq.builder().collectionName(collection).filter(filter)
                .outputFields(fields).limit(MAX_ROWS).consistencyLevel(ConsistencyLevel.STRONG).build())
                .getQueryResults();
    }

    private static int page(JsonObject meta) {
        JsonElement p = meta.get(Fields.PAGE_NUMBER);
        return p != null && p.isJsonPrimitive() && p.getAsJsonPrimitive().isNumber() && p.getAsInt() >= 0
                ? p.getAsInt() + 1 : 0;
    }

    private static JsonObject json(Object value) {
        if (value instanceof JsonObject o) {
            return o;
        }
        if (value instanceof String s && !s.isBlank()) {
            JsonElement e = JsonParser.parseString(s);
            return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        }
        return new JsonObject();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
