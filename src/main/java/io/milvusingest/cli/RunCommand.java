package io.milvusingest.cli;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.ingest.ProgressListener;
import io.milvusingest.route.FailureRecorder;
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
        try (AppRuntime runtime = AppRuntime.start(config)) {
            ProgressPrinter printer = new ProgressPrinter(System.out);
            Main main = camelMain(runtime, printer, routes);
            System.out.println("watching " + config.inbox() + " (collection " + config.milvus().collection()
                    + "); Ctrl-C to stop");
            main.run();
            runtime.writer().flush();
            System.out.println(printer.summary().describe());
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
        main.bind(IngestRoutes.UPLOAD_BEAN, runtime.uploader());
        main.bind(FailureRecorder.BEAN, new FailureRecorder(listener));
        main.setOverrideProperties(placeholders(runtime.config()));
        return main;
    }

    /** Values the YAML routes reference as {{key}}, already resolved and validated. */
    private static Properties placeholders(IngestConfig c) {
        Properties p = new Properties();
        p.setProperty("ingest.inbox", c.inbox().toString());
        p.setProperty("ingest.poll-delay-ms", Long.toString(c.pollDelayMs()));
        return p;
    }
}
