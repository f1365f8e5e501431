package io.milvusingest.cli;

import io.milvusingest.app.CamelApp;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.RunReport;
import io.milvusingest.sync.SyncSummary;
import java.util.Map;
import java.util.concurrent.Callable;
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
            SyncSummary summary = CamelApp.syncOnce(runtime, ProgressListener.both(printer, report),
                    CommonOptions.home().resolve("routes"));
            System.out.println(summary.describe());
            System.out.println("report: " + report.file());
            return summary.failedCount() == 0 ? 0 : 3;
        }
    }
}
