package io.milvusingest.cli;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.ingest.ProgressListener;
import io.milvusingest.ingest.RunReport;
import io.milvusingest.route.FailureRecorder;
import io.milvusingest.route.InboxLock;
import io.milvusingest.route.MilvusHealthCheck;
import io.milvusingest.route.ModelHealthCheck;
import io.milvusingest.route.IngestRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bin/ingest run}: camel-main runs the YAML routes (drop folder) until stopped (Ctrl-C, SIGTERM). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the routes and watch the inbox (ingest.inbox) until stopped.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        IngestConfig config = common.load(java.util.Map.of());
        Files.createDirectories(config.inbox());
        Path routes = CommonOptions.home().resolve("routes");
        try (InboxLock lock = InboxLock.acquire(config.inbox()); AppRuntime runtime = AppRuntime.start(config)) {
            ProgressPrinter printer = new ProgressPrinter(System.out);
            RunReport report = RunReport.open(config.reportDir(), "run");
            Main main = camelMain(runtime, ProgressListener.both(printer, report), routes);
            System.out.println("watching " + config.inbox() + " (collection " + config.milvus().collection()
                    + "); Ctrl-C to stop");
            main.run();
            runtime.writer().flush();
            report.close();
            System.out.println(printer.summary().describe());
            System.out.println("report: " + report.file());
        }
        return 0;
    }

    /**
     * camel-main with the YAML routes of {@code routesDir} ({@code *.camel.yaml}), the Java DSL pipeline
     * ({@code direct:ingest}) and the beans the routes name; not started.
     */
    static Main camelMain(AppRuntime runtime, ProgressListener listener, Path routesDir) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:" + routesDir.toAbsolutePath() + "/*.camel.yaml");
        main.configure().addRoutesBuilder(new IngestRoutes(runtime.pipeline(), listener));
        main.bind(IngestRoutes.UPLOAD_BEAN, runtime.writer());
        main.bind(FailureRecorder.BEAN, new FailureRecorder(listener));
        main.bind("milvusHealthCheck", new MilvusHealthCheck(runtime.client()));
        main.bind("modelHealthCheck", new ModelHealthCheck(runtime.embedder()));
        main.setOverrideProperties(placeholders(runtime.config()));
        return main;
    }

    /** Values the YAML routes reference as {{key}}, already resolved and validated. */
    private static Properties placeholders(IngestConfig c) {
        Properties p = new Properties();
        p.setProperty("ingest.inbox", c.inbox().toString());
        p.setProperty("ingest.poll-delay-ms", Long.toString(c.pollDelayMs()));
        if (c.healthPort() > 0) {
            // camel-main's management server (camel-platform-http-main) serves Camel health checks
            p.setProperty("camel.management.enabled", "true");
            p.setProperty("camel.management.port", Integer.toString(c.healthPort()));
            p.setProperty("camel.management.healthCheckEnabled", "true");
            // list each check (routes, milvus, embedding-model) with its state, not only the overall one
            p.setProperty("camel.health.exposureLevel", "full");
        }
        p.setProperty("ingest.retry.max-redeliveries", Integer.toString(c.retry().attempts() - 1));
        p.setProperty("ingest.retry.initial-delay-ms", Long.toString(c.retry().initialDelayMs()));
        p.setProperty("ingest.retry.max-delay-ms", Long.toString(c.retry().maxDelayMs()));
        return p;
    }
}
