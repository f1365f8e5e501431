package io.milvusingest.upload;

import com.google.gson.JsonObject;
import io.milvusingest.bulk.BulkImporter;
import io.milvusingest.bulk.StagedImport;
import io.milvusingest.config.BulkConfig;
import io.milvusingest.pipeline.DocumentWriter;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.UploadResult;
import io.milvusingest.milvus.MilvusStore;
import io.milvusingest.milvus.RowMapper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload stage of the pipeline: streams a job's rows (batched upserts through
 * {@link MilvusStore}) or bulk imports them ({@link BulkImporter}), and logs the choice with its reason.
 * <ul>
 *   <li>Streams when {@code milvus.stream=true}, when there is no bulk importer (Milvus Lite), or while the job
 *       has fewer rows than {@code milvus.bulk.threshold}.</li>
 *   <li>A run ({@link #beginJob} .. {@link #endJob}, e.g. {@code bin/ingest files}) of known size is bulk imported
 *       from its first row when that size reaches the threshold. Of unknown size, it streams until its row count
 *       would reach the threshold, then stages every further document into import files on disk and imports
 *       them at {@link #endJob} (or earlier, when the job reaches 1,023 files). Failed imports are reported there.</li>
 *   <li>Outside a run (drop folder), each document is its own job: one with at least threshold rows is imported
 *       alone, and a failed import fails that document (so it moves to {@code .failed/} with Milvus's reason).</li>
 * </ul>
 * Bulk import inserts, so a document's earlier rows are deleted before its rows are staged. Thread-safe (serialized).
 */
public final class StreamOrBulkWriter implements DocumentWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StreamOrBulkWriter.class);
    private final MilvusStore stream;
    private final BulkImporter bulk;
    private final BulkConfig config;
    private Job job;

    /** @param bulk the importer, or null when the server cannot bulk import (then everything streams) */
    public StreamOrBulkWriter(MilvusStore stream, BulkImporter bulk, BulkConfig config) {
        this.stream = stream;
        this.bulk = bulk;
        this.config = config;
    }

    /** Opens a run. @param expectedRows rows the run will write, or -1 when unknown */
    public synchronized void beginJob(long expectedRows) {
        job = new Job();
        if (expectedRows >= 0) {
            job.mode = choose(expectedRows, "job of " + expectedRows + " expected rows", true);
        } else {
            LOG.info("Milvus upload: job size unknown, streaming until it reaches {} rows ({})", config.threshold(),
                    config.stream() ? "never: milvus.stream=true" : bulk == null ? "never: no bulk import on Milvus Lite"
                            : "milvus.bulk.threshold");
        }
    }

    @Override
    public synchronized UploadResult write(EmbeddedDocument doc) {
        int n = doc.chunks().size();
        if (job == null) {
            return choose(n, "document " + doc.source().sourceName(), false) == WriteMode.STREAM
                    ? stream.write(doc) : importAlone(doc);
        }
        if (job.mode == WriteMode.STREAM && !config.stream() && bulk != null && job.rows + n >= config.threshold()) {
            job.mode = choose(job.rows + n, "job reaching " + (job.rows + n) + " rows", true);
        }
        UploadResult written = job.mode == WriteMode.STREAM ? stream.write(doc) : stage(doc);
        job.rows += n; // only documents written or staged count
        return written;
    }

    /** Imports what the run staged and closes it. @return the outcome, listing documents a failed import lost */
    public synchronized JobOutcome endJob() {
        Job j = job;
        job = null;
        if (j == null) {
            return new JobOutcome(WriteMode.STREAM, 0, List.of(), null);
        }
        importStaged(j);
        long lost = j.failed.stream().mapToLong(JobOutcome.FailedSource::rows).sum();
        return new JobOutcome(j.mode, j.rows - lost, List.copyOf(j.failed), j.error);
    }

    private WriteMode choose(long rows, String what, boolean log) {
        String reason = config.stream() ? "milvus.stream=true"
                : bulk == null ? "bulk import needs a Milvus server with object storage, not Milvus Lite"
                : rows < config.threshold() ? rows + " rows < milvus.bulk.threshold=" + config.threshold()
                : rows + " rows >= milvus.bulk.threshold=" + config.threshold();
        WriteMode mode = config.stream() || bulk == null || rows < config.threshold() ? WriteMode.STREAM : WriteMode.BULK;
        if (log || mode == WriteMode.BULK) {
            LOG.info("Milvus upload of {}: {} ({})", what, mode, reason);
        } else {
            LOG.debug("Milvus upload of {}: {} ({})", what, mode, reason);
        }
        return mode;
    }

    private UploadResult stage(EmbeddedDocument doc) {
        long t0 = System.nanoTime();
        if (job.staged == null) {
            job.staged = bulk.stage();
        }
        RowMapper.rows(doc).forEach(job.staged::add); // earlier versions are deleted in one go before the import
        job.docs.add(new JobOutcome.FailedSource(doc.source().sourceId(), doc.chunks().size()));
        if (job.staged.full()) {
            importStaged(job);
        }
        return new UploadResult(doc.chunks().size(), 0, (System.nanoTime() - t0) / 1_000_000);
    }

    private UploadResult importAlone(EmbeddedDocument doc) {
        long t0 = System.nanoTime();
        try (StagedImport staged = bulk.stage()) {
            List<JsonObject> rows = RowMapper.rows(doc); // validates sizes before anything is deleted
            rows.forEach(staged::add);
            long deleted = stream.deleteSource(doc.source().sourceId()); // import inserts: drop the earlier version
            bulk.load(staged);
            return new UploadResult(rows.size(), (int) Math.max(0, deleted - rows.size()), (System.nanoTime() - t0) / 1_000_000);
        } catch (IngestException e) {
            throw e.withSource(doc.source().sourceId());
        }
    }

    private void importStaged(Job j) {
        if (j.staged == null) {
            return;
        }
        try {
            if (j.staged.rows() > 0) {
                // import inserts: drop the documents' earlier versions first (a failed import leaves them without rows)
                stream.deleteSources(j.docs.stream().map(JobOutcome.FailedSource::sourceId).toList());
                bulk.load(j.staged);
            }
        } catch (IngestException e) {
            LOG.error("bulk import failed; {} document(s) of the job are marked failed: {}", j.docs.size(), e.getMessage());
            j.failed.addAll(j.docs);
            j.error = e;
        } finally {
            j.staged.close();
            j.staged = null;
            j.docs.clear();
        }
    }

    private static final class Job {
        private long rows;
        private WriteMode mode = WriteMode.STREAM;
        private StagedImport staged;
        private final List<JobOutcome.FailedSource> docs = new ArrayList<>();
        private final List<JobOutcome.FailedSource> failed = new ArrayList<>();
        private IngestException error;
    }
}
