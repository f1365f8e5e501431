package io.milvusingest.upload;

import io.milvusingest.model.IngestException;
import java.util.List;

/**
 * The end of a job ({@link StreamOrBulkWriter#endJob()}).
 *
 * @param mode        how its last documents were written
 * @param rows        rows written by the job (streamed or imported), excluding failed ones
 * @param failed      sources ids (with their row counts) of documents whose staged rows a failed import lost
 * @param error       the import failure, with Milvus's reason, or null
 */
public record JobOutcome(WriteMode mode, long rows, List<FailedSource> failed, IngestException error) {

    /** @param sourceId the document; @param rows its rows that were not imported */
    public record FailedSource(String sourceId, int rows) {
    }
}
