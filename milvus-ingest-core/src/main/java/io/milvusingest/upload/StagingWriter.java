package io.milvusingest.upload;

import io.milvusingest.bulk.BulkImporter;
import io.milvusingest.bulk.StagedImport;
import io.milvusingest.milvus.RowMapper;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.UploadResult;
import io.milvusingest.pipeline.DocumentWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upload stage of a Kafka worker with {@code kafka.bulk=true}: writes each document's rows as import files
 * and uploads them to Milvus's bucket, without importing them; the coordinator imports many documents' files in
 * one job. Nothing is written to the collection here, so the document's earlier rows stay until that job.
 *
 * <p>The staged files wait in {@link #take} for the caller that ran the pipeline (the worker route, which publishes
 * them as a manifest). Keyed by source id: the items of one source are processed one at a time (one partition).
 * Thread-safe.
 */
public final class StagingWriter implements DocumentWriter {
    private final BulkImporter bulk;
    private final Map<String, StagedDocument> staged = new ConcurrentHashMap<>();

    public StagingWriter(BulkImporter bulk) {
        this.bulk = bulk;
    }

    /**
     * @return the rows staged; rowsDeleted is 0 (stale rows are deleted by the coordinator before its job)
     * @throws IngestException TOO_LARGE for a row over Milvus's limits; STORE_UNAVAILABLE when the bucket fails
     */
    @Override
    public UploadResult write(EmbeddedDocument doc) {
        long t0 = System.nanoTime();
        String source = doc.source().sourceId();
        try (StagedImport files = bulk.stage()) {
            RowMapper.rows(doc).forEach(files::add);
            List<String> keys = bulk.upload(files);
            StagedDocument earlier = staged.put(source, new StagedDocument(source, doc.source().etag(), keys,
                    files.rows()));
            if (earlier != null) { // never taken: its route failed after the pipeline; a redelivery restaged it
                bulk.deleteFiles(earlier.files());
            }
            return new UploadResult(doc.chunks().size(), 0, (System.nanoTime() - t0) / 1_000_000);
        } catch (IngestException e) {
            throw e.withSource(source);
        }
    }

    /** @return the files staged for {@code source} by the last {@link #write}, removed from here; null if none */
    public StagedDocument take(String source) {
        return staged.remove(source);
    }
}
