package io.milvusingest.cli;

import io.milvusingest.app.CamelApp;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.report.FailureRecord;
import io.milvusingest.model.IngestException;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.RunReport;
import io.milvusingest.sync.SyncSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/ingest sync}: one bucket sync cycle ({@code routes/bucket-sync.camel.yaml}, without its scheduler),
 * then the summary; each new, changed or failed object is also in the JSON Lines report
 * ({@code <ingest.report-dir>/sync-<time>.jsonl}). For cron jobs, and to check a bucket configuration before {@code bin/ingest run}.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync the bucket (sync.bucket, sync.prefix) once: ingest new and changed objects, delete the"
                + " rows of deleted ones, print the summary.",
                "Exit code 0 when no object failed, 3 otherwise."})
final class SyncCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        IngestConfig config = common.load(Map.of("sync.enabled", "true"));
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home());
             RunReport report = RunReport.open(config.reportDir(), "sync")) {
            ProgressPrinter printer = new ProgressPrinter(System.out);
            SyncSummary summary = syncOnce(runtime, ProgressListener.both(printer, report),
                    CommonOptions.home().resolve("routes"));
            System.out.println(summary.describe());
            System.out.println("report: " + report.file());
            return summary.failedCount() == 0 ? 0 : 3;
        }
    }

    /**
     * Starts camel-main with the bucket-sync routes only, runs one cycle synchronously and stops.
     *
     * @return the cycle's summary
     * @throws Exception when the routes cannot start (bucket missing, S3 unreachable) or the listing fails
     */
    static SyncSummary syncOnce(AppRuntime runtime, ProgressListener listener, Path routesDir) throws Exception {
        Main main = CamelApp.camelMain(runtime, listener, List.of(routesDir.resolve(CamelApp.SYNC_ROUTES)), false);
        try {
            main.start();
        } catch (RuntimeException e) { // e.g. the endpoint's bucket check: no such bucket, access denied, no route
            main.stop();
            throw new IllegalStateException("cannot start the bucket sync (" + runtime.config().sync() + "): "
                    + rootMessage(e), e);
        }
        try {
            return main.getCamelContext().createProducerTemplate()
                    .requestBody("direct:bucket-sync-cycle", null, SyncSummary.class);
        } catch (CamelExecutionException e) {
            Throwable cause = FailureRecord.rootIngestCause(e.getCause());
            throw cause instanceof IngestException ie ? ie : e;
        } finally {
            main.stop();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
