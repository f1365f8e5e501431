package io.milvusingest.milvus;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.model.Stage;
import io.milvusingest.model.ErrorKind;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvusingest.pipeline.DocumentWriter;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.UploadResult;
import io.milvusingest.model.IngestException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Uploads documents without duplicates: rows are upserted under deterministic keys ({@link PrimaryKeys}),
 * then the rows of an earlier, longer version of the same document are deleted. Upsert comes first, so a
 * concurrent search sees the old or the new text of a chunk but never a document without rows.
 *
 * <p>Thread-safe; mutations are serialized per writer, because Milvus Lite is single-writer per
 * collection (concurrent writes can interleave its sequence numbers). Use one writer per collection.
 *
 * <p>Visibility and durability: {@link #write} returns only once a Strong-consistency count shows the
 * document's rows; Bounded searches see them within seconds on a distributed Milvus. An acknowledged write is in
 * the server's write-ahead log and survives a server restart. {@link #flush()} seals it into segment files. A
 * document is committed once both hold, visible and flushed: the drop folder lets an inbox file go only then.
 * Flush is never called per document here: Milvus rate-limits it per collection
 * ({@code quotaAndLimits.flushRate.collection.max}, 0.1/s by default) and each flush seals a segment. Callers
 * share flushes instead: {@link GroupCommit} (drop folder, bucket sync: one flush for many documents) or one
 * flush at the end of a {@code bin/ingest files} run.
 */
public final class MilvusWriter implements DocumentWriter {
    /** Default rows per upsert request: at most ~17 MB even with 65535-byte texts, under gRPC's 64 MB. */
    public static final int DEFAULT_BATCH_ROWS = 256;
    /** Upsert requests are also cut at this estimated size, in bytes. */
    static final long MAX_BATCH_BYTES = 16L << 20;

    private final MilvusClientV2 client;
    private final String collection;
    private final int batchRows;
    private final ReentrantLock lock = new ReentrantLock();

    public MilvusWriter(MilvusClientV2 client, String collection) {
        this(client, collection, DEFAULT_BATCH_ROWS);
    }

    /** @param batchRows rows per upsert request, {@code >= 1} */
    public MilvusWriter(MilvusClientV2 client, String collection, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1, got " + batchRows);
        }
        this.client = client;
        this.collection = collection;
        this.batchRows = batchRows;
    }

    /**
     * Upserts one row per chunk, then deletes the document's rows with {@code chunk_index >= chunks.size()}.
     *
     * @throws IngestException TOO_LARGE/UPLOAD when a chunk text exceeds 65535 UTF-8 bytes (nothing is
     *                         written); STORE_UNAVAILABLE/UPLOAD when Milvus fails (earlier batches may be
     *                         written: retrying the document is safe)
     */
    @Override
    public UploadResult write(EmbeddedDocument doc) {
        long start = System.nanoTime();
        String sourceId = doc.source().sourceId();
        List<List<JsonObject>> batches = RowMapper.batches(doc, batchRows, MAX_BATCH_BYTES);
        lock.lock();
        try {
            for (List<JsonObject> rows : batches) {
                call(sourceId, "upsert " + rows.size() + " rows", () -> client.upsert(
                        UpsertReq.builder().collectionName(collection).data(rows).build()));
            }
            String stale = Filters.and(Filters.sourceIdEquals(sourceId),
                    Filters.jsonPath(Fields.CONTENT_METADATA, Fields.CHUNK_INDEX) + " >= " + doc.chunks().size());
            int deleted = delete(sourceId, stale);
            verifyVisible(sourceId, doc.chunks().size());
            return new UploadResult(doc.chunks().size(), deleted, (System.nanoTime() - start) / 1_000_000);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes every row of a document.
     *
     * @return rows deleted
     * @throws IngestException STORE_UNAVAILABLE/UPLOAD when Milvus fails
     */
    public int deleteSource(String sourceId) {
        lock.lock();
        try {
            return delete(sourceId, Filters.sourceIdEquals(sourceId));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes every row of the documents, 100 documents per delete request.
     *
     * @return rows deleted
     * @throws IngestException STORE_UNAVAILABLE/UPLOAD when Milvus fails
     */
    public long deleteSources(List<String> sourceIds) {
        long deleted = 0;
        lock.lock();
        try {
            for (int i = 0; i < sourceIds.size(); i += 100) {
                deleted += delete(null, Filters.sourceIdIn(sourceIds.subList(i, Math.min(sourceIds.size(), i + 100))));
            }
            return deleted;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param filter a Milvus boolean expression, or null/blank for all rows
     * @return the number of matching rows, read at Strong consistency
     */
    public long count(String filter) {
        QueryReq.QueryReqBuilder query = QueryReq.builder().collectionName(collection)
                .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.STRONG);
        if (filter != null && !filter.isBlank()) {
            query.filter(filter);
        }
        return call(null, "count rows", () -> (Long) client.query(query.build()).getQueryResults().get(0)
                .getEntity().get("count(*)"));
    }

    /**
     * The commit check: the document's rows must be visible to a Strong-consistency count before the source
     * (an inbox file) is let go. A server restarted since the collection was loaded answers "released"
     * (Milvus Lite forgets loads), so the collection is loaded once and counted again.
     */
    private void verifyVisible(String sourceId, int expected) {
        String filter = Filters.sourceIdEquals(sourceId);
        long visible;
        try {
            visible = count(filter);
        } catch (IngestException e) {
            call(sourceId, "load", () -> {
                client.loadCollection(LoadCollectionReq.builder().collectionName(collection).build());
                return null;
            });
            visible = count(filter);
        }
        if (visible != expected) {
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "Milvus shows " + visible
                    + " rows of " + expected + " written for this document in collection " + collection)
                    .source(sourceId).build();
        }
    }

    /** Seals written rows into segment files (Milvus {@code flush}); blocks until done. */
    public void flush() {
        call(null, "flush", () -> {
            client.flush(FlushReq.builder().collectionNames(List.of(collection)).build());
            return null;
        });
    }

    private int delete(String sourceId, String filter) {
        return (int) call(sourceId, "delete rows", () -> client.delete(
                DeleteReq.builder().collectionName(collection).filter(filter).build())).getDeleteCnt();
    }

    private <T> T call(String sourceId, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw StoreErrors.unavailable(sourceId, "Milvus: " + what + " in collection " + collection, e);
        }
    }
}
