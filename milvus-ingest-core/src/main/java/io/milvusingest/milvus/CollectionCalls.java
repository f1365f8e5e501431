package io.milvusingest.milvus;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvusingest.model.IngestException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Milvus requests {@link MilvusWriter} sends to its collection. Each failure of the SDK becomes an
 * {@link IngestException} of kind STORE_UNAVAILABLE, stage UPLOAD, saying what failed in which collection
 * (e.g. "Milvus: upsert 256 rows in collection docs failed: ..."). Not synchronized: the writer serializes writes.
 */
final class CollectionCalls {
    private final MilvusClientV2 client;
    private final String collection;

    CollectionCalls(MilvusClientV2 client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    String collection() {
        return collection;
    }

    /** @param sourceId the document the rows belong to, named in the error */
    void upsert(String sourceId, List<JsonObject> rows) {
        call(sourceId, "upsert " + rows.size() + " rows", () -> client.upsert(
                UpsertReq.builder().collectionName(collection).data(rows).build()));
    }

    /** @param rows rows without a primary key: the collection generates it */
    void insert(String sourceId, List<JsonObject> rows) {
        call(sourceId, "insert " + rows.size() + " rows", () -> client.insert(
                InsertReq.builder().collectionName(collection).data(rows).build()));
    }

    /**
     * @param sourceId the document concerned, or null when the filter names several
     * @return rows deleted
     */
    int delete(String sourceId, String filter) {
        return (int) call(sourceId, "delete rows", () -> client.delete(
                DeleteReq.builder().collectionName(collection).filter(filter).build())).getDeleteCnt();
    }

    /** @param filter a Milvus boolean expression, or null/blank for all rows; read at Strong consistency */
    long count(String filter) {
        QueryReq.QueryReqBuilder query = QueryReq.builder().collectionName(collection)
                .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.STRONG);
        if (filter != null && !filter.isBlank()) {
            query.filter(filter);
        }
        return call(null, "count rows", () -> (Long) client.query(query.build()).getQueryResults().get(0)
                .getEntity().get("count(*)"));
    }

    void flush() {
        call(null, "flush", () -> {
            client.flush(FlushReq.builder().collectionNames(List.of(collection)).build());
            return null;
        });
    }

    void load() {
        call(null, "load", () -> {
            client.loadCollection(LoadCollectionReq.builder().collectionName(collection).build());
            return null;
        });
    }

    private <T> T call(String sourceId, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw StoreErrors.unavailable(sourceId, "Milvus: " + what + " in collection " + collection, e);
        }
    }
}
