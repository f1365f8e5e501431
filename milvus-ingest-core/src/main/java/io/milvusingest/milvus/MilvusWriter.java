package io.milvusingest.milvus;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import io.milvusingest.model.UploadResult;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Uploads documents without duplicates: rows are upserted under deterministic keys ({@link PrimaryKeys}),
 * then the rows of an earlier, longer version of the same document are deleted. Upsert comes first, so a
 * concurrent search sees the old or the new text of a chunk but never a document without rows. Collections that
 * generate their keys (NeMo Retriever's) get delete-by-source then insert instead (see {@link #write}).
 * Rows routed to several collections by content type: {@link RoutedWriter} over one writer per collection.
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
public final class MilvusWriter implements MilvusStore {
    /** Default rows per upsert request: at most ~17 MB even with 65535-byte texts, under gRPC's 64 MB. */
    public static final int DEFAULT_BATCH_ROWS = 256;
    /** Upsert requests are also cut at this estimated size, in bytes. */
    static final long MAX_BATCH_BYTES = 16L << 20;

    private final CollectionCalls calls;
    private final int batchRows;
    private final boolean generatedKeys;
    private final ReentrantLock lock = new ReentrantLock();

    public MilvusWriter(MilvusClientV2 client, String collection) {
        this(client, collection, DEFAULT_BATCH_ROWS);
    }

    /** @param batchRows rows per upsert request, {@code >= 1} */
    public MilvusWriter(MilvusClientV2 client, String collection, int batchRows) {
        this(client, collection, batchRows, false);
    }

    /**
     * @param batchRows     rows per upsert/insert request, {@code >= 1}
     * @param generatedKeys the collection generates its primary keys (autoID, as NeMo Retriever's
     *                      {@code create_nvingest_collection} makes it): documents are replaced by delete-by-source
     *                      then insert instead of upsert under our keys
     */
    public MilvusWriter(MilvusClientV2 client, String collection, int batchRows, boolean generatedKeys) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1, got " + batchRows);
        }
        this.calls = new CollectionCalls(client, collection);
        this.batchRows = batchRows;
        this.generatedKeys = generatedKeys;
    }

    /**
     * Our collections: upserts one row per chunk, then deletes the document's rows with
     * {@code custom_content.chunk_index >= chunks.size()}; a search sees the old or the new text of a chunk, never a
     * document without rows. A collection with generated keys: deletes every row of the source, then inserts the
     * new ones; not atomic there: between the two, searches find no row of the document, and a failure of the
     * insert leaves it without rows until it is written again.
     *
     * @throws IngestException TOO_LARGE/UPLOAD when a chunk text exceeds 65535 UTF-8 bytes (nothing is
     *                         written); STORE_UNAVAILABLE/UPLOAD when Milvus fails (earlier batches may be
     *                         written: retrying the document is safe, and never duplicates rows)
     */
    @Override
    public UploadResult write(EmbeddedDocument doc) {
        long start = System.nanoTime();
        String sourceId = doc.source().sourceId();
        List<List<JsonObject>> batches = RowMapper.batches(doc, batchRows, MAX_BATCH_BYTES);
        lock.lock();
        try {
            int deleted = generatedKeys ? insertReplacing(sourceId, batches) : upsertReplacing(doc, batches);
            verifyVisible(sourceId, doc.chunks().size());
            return new UploadResult(doc.chunks().size(), deleted, (System.nanoTime() - start) / 1_000_000);
        } finally {
            lock.unlock();
        }
    }

    /** @return stale rows deleted: those past the new version's last chunk */
    private int upsertReplacing(EmbeddedDocument doc, List<List<JsonObject>> batches) {
        String sourceId = doc.source().sourceId();
        batches.forEach(rows -> calls.upsert(sourceId, rows));
        return calls.delete(sourceId, Filters.and(Filters.sourceIdEquals(sourceId), Filters.jsonPath(
                Fields.CONTENT_METADATA, Fields.CUSTOM_CONTENT, Fields.CHUNK_INDEX) + " >= " + doc.chunks().size()));
    }

    /** @return rows deleted: every earlier row of the source, since generated keys cannot be upserted over */
    private int insertReplacing(String sourceId, List<List<JsonObject>> batches) {
        int deleted = calls.delete(sourceId, Filters.sourceIdEquals(sourceId));
        for (List<JsonObject> rows : batches) {
            rows.forEach(row -> row.remove(Fields.PK));
            calls.insert(sourceId, rows);
        }
        return deleted;
    }

    @Override
    public int deleteSource(String sourceId) {
        lock.lock();
        try {
            return calls.delete(sourceId, Filters.sourceIdEquals(sourceId));
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
    @Override
    public long deleteSources(List<String> sourceIds) {
        long deleted = 0;
        lock.lock();
        try {
            for (int i = 0; i < sourceIds.size(); i += 100) {
                deleted += calls.delete(null, Filters.sourceIdIn(sourceIds.subList(i, Math.min(sourceIds.size(), i + 100))));
            }
            return deleted;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long count(String filter) {
        return calls.count(filter);
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
            calls.load();
            visible = count(filter);
        }
        if (visible != expected) {
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "Milvus shows " + visible
                    + " rows of " + expected + " written for this document in collection " + calls.collection())
                    .source(sourceId).build();
        }
    }

    @Override
    public void flush() {
        calls.flush();
    }

    @Override
    public void commit() {
        flush();
        calls.load();
    }
}
