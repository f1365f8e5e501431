package io.milvusingest.sync;

import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusStore;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the sync state true to the collection. The state says which object versions have rows, which stops being
 * true when the collection is dropped and created again ({@code milvus.recreate=true}, a wiped Milvus data
 * folder, another tool). Milvus Lite reports no collection id or create time to tell, so each cycle checks one
 * ingested object instead: an ingested object always has at least one row, and when it has none the state is
 * forgotten and every object ingested again (upserts make that safe; it only costs time).
 */
final class CollectionCheck {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionCheck.class);

    private final SyncState state;
    private final SyncFailures failures;
    private final MilvusStore writer;
    private final String idPrefix;

    /** @param idPrefix {@code s3://bucket/prefix}: the objects this sync owns */
    CollectionCheck(SyncState state, SyncFailures failures, MilvusStore writer, String idPrefix) {
        this.state = state;
        this.failures = failures;
        this.writer = writer;
        this.idPrefix = idPrefix;
    }

    /** @throws io.milvusingest.model.IngestException STORE_UNAVAILABLE when Milvus cannot be queried */
    void verify() {
        // the first object without a failure record: one count query per cycle
        Optional<String> ingested = state.sourceIds(idPrefix).stream().filter(id -> !failures.has(id)).findFirst();
        if (ingested.isEmpty() || writer.count(Filters.sourceIdEquals(ingested.get())) > 0) {
            return;
        }
        LOG.warn("{} was synced but has no rows: the collection was emptied or created again; forgetting the sync"
                + " state, every object is ingested again", ingested.get());
        state.clear();
        try {
            failures.clearAll();
        } catch (IOException e) {
            LOG.warn("could not remove the old failure records: {}", e.toString());
        }
    }
}
