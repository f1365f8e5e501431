package io.milvusingest.sync;

import java.util.Locale;

/**
 * Counts of one sync cycle; updated by the cycle's thread only.
 *
 * <p>{@code listed} counts the objects under the prefix whose extension is in {@code sync.include}; each of
 * them ends as exactly one of new, changed, skipped (unchanged) or failed. {@code deleted} counts objects gone
 * from the bucket whose rows were removed.
 */
public final class SyncSummary {
    private final String location;
    private final long startNanos = System.nanoTime();
    private int listed;
    private int added;
    private int changed;
    private int deleted;
    private int skipped;
    private int failed;

    /** @param location what is synced, e.g. {@code s3://docs/reports/} */
    SyncSummary(String location) {
        this.location = location;
    }

    void listed() {
        listed++;
    }

    void added() {
        added++;
    }

    void changed() {
        changed++;
    }

    void deleted() {
        deleted++;
    }

    void skipped() {
        skipped++;
    }

    void failed() {
        failed++;
    }

    public int listedCount() {
        return listed;
    }

    public int newCount() {
        return added;
    }

    public int changedCount() {
        return changed;
    }

    public int deletedCount() {
        return deleted;
    }

    public int skippedCount() {
        return skipped;
    }

    public int failedCount() {
        return failed;
    }

    /** @return e.g. {@code sync s3://docs/: listed 3, new 1, changed 1, deleted 0, skipped 1, failed 0 (2.4 s)} */
    public String describe() {
        return String.format(Locale.ROOT, "sync %s: listed %d, new %d, changed %d, deleted %d, skipped %d, failed %d"
                        + " (%.1f s)", location, listed, added, changed, deleted, skipped, failed,
                (System.nanoTime() - startNanos) / 1e9);
    }

    @Override
    public String toString() {
        return describe();
    }
}
