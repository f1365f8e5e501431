package io.milvusingest.report;

import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.StageTimings;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of one run (a {@code bin/ingest files} call, or the life of {@code bin/ingest run}); thread-safe.
 */
public final class RunSummary {
    private final long startNanos = System.nanoTime();
    private int ok;
    private long pages;
    private long chunks;
    private long tokens;
    private long rows;
    private StageTimings timings = StageTimings.ZERO;
    private final Map<ErrorKind, Integer> failures = new EnumMap<>(ErrorKind.class);

    public synchronized void succeeded(DocumentResult r) {
        ok++;
        pages += r.pages();
        chunks += r.chunks();
        tokens += r.tokens();
        rows += r.rows();
        timings = timings.plus(r.timings());
    }

    public synchronized void failed(ErrorKind kind) {
        failures.merge(kind, 1, Integer::sum);
    }

    /**
     * Turns documents counted as succeeded into failures: their rows were staged for a bulk import job that failed.
     *
     * @param documents how many documents; @param lostRows their rows
     */
    public synchronized void importFailed(int documents, long lostRows, ErrorKind kind) {
        ok -= documents;
        rows -= lostRows;
        failures.merge(kind, documents, Integer::sum);
    }

    public synchronized int okCount() {
        return ok;
    }

    public synchronized int failedCount() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized long chunks() {
        return chunks;
    }

    public synchronized long tokens() {
        return tokens;
    }

    /**
     * @return e.g. "files: 12 ok, 1 failed (CORRUPT=1) | pages 520 | chunks 1800 | tokens 576000 | rows 1800 |
     *     95.2 s | 18.9 chunks/s, 5.5 pages/s, 6050 tokens/s | stage ms: ..."; stage ms are sums over documents,
     *     which exceed the wall time when documents overlap (ingest.workers &gt; 1)
     */
    public synchronized String describe() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(java.util.Locale.ROOT,
                "files: %d ok, %d failed%s | pages %d | chunks %d | tokens %d | rows %d | %.1f s"
                        + " | %.1f chunks/s, %.1f pages/s, %.0f tokens/s"
                        + " | stage ms: extract %d, split %d, embed %d, upload %d",
                ok, failedCount(), failures.isEmpty() ? "" : " " + failures, pages, chunks, tokens, rows, seconds,
                chunks / Math.max(seconds, 1e-9), pages / Math.max(seconds, 1e-9), tokens / Math.max(seconds, 1e-9),
                timings.extractMs(), timings.splitMs(), timings.embedMs(), timings.uploadMs());
    }
}
