package io.milvusingest.cli;

import io.milvusingest.app.CamelApp;
import io.milvusingest.app.KafkaApp;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.KafkaConfig;
import io.milvusingest.runtime.AppRuntime;

import io.milvusingest.camel.MilvusCommit;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.ServeConfig;
import io.milvusingest.serve.IngestMetrics;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.RunReport;
import io.milvusingest.route.InboxLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/ingest run}: camel-main runs the YAML routes (drop folder; bucket sync when {@code sync.enabled=true})
 * until stopped (Ctrl-C, SIGTERM).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the routes and watch the inbox (ingest.inbox), and the bucket when sync.enabled=true,"
                + " until stopped.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** Longest wait of a Ctrl-C or SIGTERM for the session to close: Camel's own graceful stop allows 45 s. */
    private static final long CLOSE_TIMEOUT_S = 90;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        ConfigSource source = common.source(java.util.Map.of());
        IngestConfig config = IngestConfig.from(source, CommonOptions.home());
        KafkaConfig kafka = KafkaConfig.from(source, config.limits().timeout(), config.pipelining().workers(),
                CommonOptions.home());
        Files.createDirectories(config.inbox());
        Path routes = CommonOptions.home().resolve("routes");
        CountDownLatch closed = new CountDownLatch(1);
        try (InboxLock lock = InboxLock.acquire(config.inbox()); AppRuntime runtime = AppRuntime.start(config, CommonOptions.home())) {
            ProgressPrinter printer = new ProgressPrinter(System.out);
            RunReport report = RunReport.open(config.reportDir(), "run");
            IngestMetrics metrics = new IngestMetrics();
            ProgressListener listener = ProgressListener.both(ProgressListener.both(printer, report), metrics);
            // Kafka mode: the drop folder publishes work items for bin/ingest worker instead of ingesting
            Main main = kafka.inbox() ? KafkaApp.inboxMain(runtime, listener, kafka, routes)
                    : CamelApp.camelMain(runtime, listener, routes);
            if (config.serve().inRun()) {
                serveToo(main, runtime, metrics);
            }
            System.out.println("watching " + config.inbox() + (kafka.inbox() ? " (publishing to " + kafka.workTopic()
                    + " via " + kafka.sharedDir() + ")" : " (collection " + config.milvus().collection() + ")")
                    + "; Ctrl-C to stop");
            if (config.sync().enabled()) {
                System.out.println("syncing " + config.sync().sourceIdPrefix() + " every " + config.sync().delayMs()
                        + " ms (" + config.sync() + ")");
            }
            // Ctrl-C and SIGTERM: camel-main's hangup hook only tells main.run() to return, and the JVM halts when
            // the hooks end, before this thread has stopped Camel and closed the session; this hook waits for it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitQuietly(closed), "milvus-ingest-shutdown"));
            main.run();
            // no flush here: every file moved to .done/ waited for one (group commit), and each sync cycle ends
            // with one; a last flush would race Milvus Lite's own shutdown hook, and a server's flush quota
            report.close();
            System.out.println(printer.summary().describe());
            System.out.println("report: " + report.file());
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /**
     * serve.in-run=true: the HTTP service of {@code bin/ingest serve} ({@link HttpService}) on serve.host:serve.port,
     * with the ingest metrics (commit latency from {@code milvusCommit}), and the health endpoint moved there from
     * health.port, so the process has one HTTP server and one port.
     *
     * @throws IllegalStateException when serve.host is beyond loopback and there is no API key
     */
    private static void serveToo(Main main, AppRuntime runtime, IngestMetrics metrics) {
        HttpService.install(main, runtime, metrics, System.getenv(ServeConfig.API_KEY_ENV), false);
        main.bind(MilvusCommit.BEAN, new MilvusCommit(metrics::committed));
        HttpService.properties(runtime.config().serve()).forEach((k, v) -> main.addOverrideProperty((String) k,
                (String) v));
        System.out.println("serving http://" + runtime.config().serve().host() + ":" + runtime.config().serve().port()
                + "/ (serve.in-run=true: web page, API, /observe/health and /observe/metrics)");
    }

    /** Waits, at most {@value #CLOSE_TIMEOUT_S} s (Camel's graceful stop, Milvus Lite's stop), for latch. */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(CLOSE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
