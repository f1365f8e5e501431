package io.milvusingest.sync;

import io.milvusingest.model.IngestException;
import io.milvusingest.milvus.MilvusStore;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the rows of objects that were synced but are no longer in the bucket: the processed objects under
 * {@code s3://bucket/prefix} minus a complete listing. Objects outside the prefix (an earlier configuration)
 * are left alone.
 */
final class DeletionSweep {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionSweep.class);

    private final SyncState state;
    private final SyncFailures failures;
    private final MilvusStore writer;

    DeletionSweep(SyncState state, SyncFailures failures, MilvusStore writer) {
        this.state = state;
        this.failures = failures;
        this.writer = writer;
    }

    /**
     * @param listing  the complete listing of the cycle (every object under the prefix, whatever its type)
     * @param idPrefix {@code s3://bucket/prefix}
     * @param summary  counts each object whose rows were deleted; an object whose deletion failed (Milvus
     *                 unreachable) stays in the state and is retried next cycle
     */
    void sweep(String bucket, List<BucketObject> listing, String idPrefix, SyncSummary summary) {
        Set<String> present = listing.stream().map(BucketObject::sourceId).collect(Collectors.toSet());
        for (String sourceId : state.sourceIds(idPrefix)) {
            if (present.contains(sourceId)) {
                continue;
            }
            try {
                int rows = writer.deleteSource(sourceId);
                state.forget(sourceId);
                failures.clear(bucket, sourceId.substring(("s3://" + bucket + "/").length()));
                summary.deleted();
                LOG.info("deleted {} rows of {}: the object is gone from the bucket", rows, sourceId);
            } catch (IngestException e) {
                LOG.warn("could not delete the rows of {} (gone from the bucket); retried next cycle: {}", sourceId,
                        e.getMessage());
            } catch (IOException e) {
                LOG.warn("could not remove the failure record of {}: {}", sourceId, e.toString());
            }
        }
    }
}
