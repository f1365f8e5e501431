package io.milvusingest.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks, from a complete listing, the objects a cycle must ingest: included by type, and new or changed. */
final class ChangeDetector {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);

    private final Set<String> include;
    private final SyncState state;

    /** @param include extensions synced (lower-case, no dot) */
    ChangeDetector(Set<String> include, SyncState state) {
        this.include = Set.copyOf(include);
        this.state = state;
    }

    /**
     * Counts every included object as listed, and the unchanged ones as skipped.
     *
     * @return the new and changed objects, in listing (key) order
     */
    List<BucketObject> toIngest(List<BucketObject> listing, SyncSummary summary) {
        List<BucketObject> todo = new ArrayList<>();
        for (BucketObject o : listing) {
            if (!include.contains(o.extension())) {
                continue;
            }
            summary.listed();
            if (o.key().indexOf('\n') >= 0 || o.key().indexOf('\r') >= 0) { // the state file is line-based
                LOG.warn("{}: keys with line breaks are not synced", o.sourceId());
                summary.failed();
            } else if (state.isCurrent(o.sourceId(), o.etag())) {
                summary.skipped();
            } else {
                todo.add(o);
            }
        }
        return todo;
    }
}
