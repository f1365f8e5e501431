package io.milvusingest.cli;

import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.RunSummary;
import java.io.PrintStream;
import java.util.Locale;

/** Prints one line per document (pages, chunks, seconds, or the classified error) and keeps the run's counts. */
final class ProgressPrinter implements ProgressListener {
    private final PrintStream out;
    private final RunSummary summary = new RunSummary();

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void succeeded(DocumentResult r) {
        summary.succeeded(r);
        out.printf(Locale.ROOT, "ok      %-40s %4d pages %5d chunks %5d rows%s %7.2f s%n", r.source().sourceName(),
                r.pages(), r.chunks(), r.rows(), r.stale() > 0 ? " (" + r.stale() + " stale removed)" : "",
                r.timings().totalMs() / 1000.0);
    }

    @Override
    public void failed(String name, Throwable error) {
        ErrorKind kind = error instanceof IngestException ie ? ie.kind() : ErrorKind.INTERNAL;
        summary.failed(kind);
        String where = error instanceof IngestException ie
                ? " (" + ie.stage().label() + (ie.page() != null ? ", page " + ie.page() : "") + ")" : "";
        out.printf(Locale.ROOT, "FAILED  %-40s %s%s: %s%n", name, kind, where, error.getMessage());
    }

    /** A document printed "ok" whose staged rows were lost by a failed bulk import job. */
    void importFailed(String name, int rows, IngestException error) {
        summary.importFailed(1, rows, error.kind());
        out.printf(Locale.ROOT, "FAILED  %-40s %s (%s, bulk import): %s%n", name, error.kind(), error.stage().label(),
                error.getMessage());
    }

    RunSummary summary() {
        return summary;
    }
}
