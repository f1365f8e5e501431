package io.milvusingest.kafka;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.orm.iterator.QueryIterator;
import io.milvus.response.QueryResultsWrapper;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryIteratorReq;
import io.milvusingest.milvus.Fields;
import io.milvusingest.milvus.Filters;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's state, read from the collection itself: which version (ETag) of each bucket object is ingested,
 * from the {@code source} field of each document's first chunk ({@code source.custom_content.etag}, where
 * rows following NeMo Retriever's metadata schema keep our keys). Any instance can read it, so whichever holds
 * the planner lock plans from the same state; there is no local file to lose or to share.
 */
final class SourceVersions {
    /** Rows per query-iterator page. */
    private static final long PAGE_ROWS = 1000;

    private SourceVersions() {
    }

    /**
     * @param sourceIdPrefix only sources whose id starts with it ({@code s3://bucket/prefix})
     * @return source id to the ETag of its ingested version (null when the rows carry none), read at Strong
     *     consistency so every acknowledged upsert is seen
     * @throws IngestException STORE_UNAVAILABLE when Milvus cannot be queried
     */
    static Map<String, String> read(MilvusClientV2 client, String collection, String sourceIdPrefix) {
        String filter = Filters.and(
                Filters.jsonPath(Fields.SOURCE, Fields.SOURCE_ID) + " like " + Filters.quote(like(sourceIdPrefix)),
                Filters.jsonPath(Fields.CONTENT_METADATA, Fields.CUSTOM_CONTENT, Fields.CHUNK_INDEX) + " == 0");
        Map<String, String> versions = new HashMap<>();
        try {
            QueryIterator it = client.queryIterator(QueryIteratorReq.builder().collectionName(collection)
                    .expr(filter).outputFields(List.of(Fields.SOURCE)).batchSize(PAGE_ROWS)
                    .consistencyLevel(ConsistencyLevel.STRONG).build());
            try {
                for (List<QueryResultsWrapper.RowRecord> page = it.next(); !page.isEmpty(); page = it.next()) {
                    for (QueryResultsWrapper.RowRecord row : page) {
                        Object field = row.get(Fields.SOURCE);
                        JsonObject source = field instanceof JsonObject o ? o
                                : JsonParser.parseString(String.valueOf(field)).getAsJsonObject();
                        String id = source.get(Fields.SOURCE_ID).getAsString();
                        if (id.startsWith(sourceIdPrefix)) {
                            versions.put(id, etag(source));
                        }
                    }
                }
            } finally {
                it.close();
            }
        } catch (RuntimeException e) {
            throw new IngestException(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, sourceIdPrefix, null,
                    "reading the ingested versions from collection " + collection + " failed: " + e.getMessage(), e);
        }
        return versions;
    }

    /** @return the ETag our rows keep under {@code source.custom_content} (NeMo's schema's place for our keys), or null */
    private static String etag(JsonObject source) {
        JsonObject custom = source.getAsJsonObject(Fields.CUSTOM_CONTENT);
        return custom != null && custom.has(Fields.ETAG) ? custom.get(Fields.ETAG).getAsString() : null;
    }

    /** @return a LIKE pattern matching ids that start with prefix ('%' and '_' in it escaped) */
    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
