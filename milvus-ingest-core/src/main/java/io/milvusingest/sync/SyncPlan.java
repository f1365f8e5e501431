package io.milvusingest.sync;

import java.util.List;

/**
 * What one sync cycle found when it listed the bucket; handed back to {@link SyncCycle} for each object's outcome
 * and for the end of the cycle.
 *
 * @param listing  every object under the prefix, in key order (the deletion sweep compares the state with it)
 * @param toIngest the new and changed objects, in key order
 * @param summary  the cycle's counts so far (unchanged objects already counted as skipped)
 */
public record SyncPlan(List<BucketObject> listing, List<BucketObject> toIngest, SyncSummary summary) {
    public SyncPlan {
        listing = List.copyOf(listing);
        toIngest = List.copyOf(toIngest);
    }
}
