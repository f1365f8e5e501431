package io.milvusingest.cli;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.ServeConfig;
import io.milvusingest.serve.IngestMetrics;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.RunReport;
import io.milvusingest.route.DropFolderBeans;
import io.milvusingest.route.InboxLock;
import io.milvusingest.route.MilvusCommit;
import io.milvusingest.route.MilvusHealthCheck;
import io.milvusingest.route.ModelHealthCheck;
import io.milvusingest.route.ObjectStoreHealthCheck;
import io.milvusingest.route.IngestRoutes;
import io.milvusingest.route.BucketSyncBeans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
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
    /** The bucket sync route file, loaded only when sync.enabled=true. */
    static final Path SYNC_ROUTES = Path.of("bucket-sync.camel.yaml");
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** Longest wait of a Ctrl-C or SIGTERM for the session to close: Camel's own graceful stop allows 45 s. */
    private static final long CLOSE_TIMEOUT_S = 90;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        IngestConfig config = common.load(java.util.Map.of());
        Files.createDirectories(config.inbox());
        Path routes = CommonOptions.home().resolve("routes");
        CountDownLatch closed = new CountDownLatch(1);
        try (InboxLock lock = InboxLock.acquire(config.inbox()); AppRuntime runtime = AppRuntime.start(config)) {
            ProgressPrinter printer = new ProgressPrinter(System.out);
            RunReport report = RunReport.open(config.reportDir(), "run");
            IngestMetrics metrics = new IngestMetrics();
            Main main = camelMain(runtime, ProgressListener.both(ProgressListener.both(printer, report), metrics),
                    routeFiles(routes, config.sync().enabled()), true, metrics);
            if (config.serve().inRun()) {
                System.out.println("serving http://" + config.serve().host() + ":" + config.serve().port()
                        + "/ (serve.in-run=true: web page, API, /observe/health and /observe/metrics)");
            }
            System.out.println("watching " + config.inbox() + " (collection " + config.milvus().collection()
                    + "); Ctrl-C to stop");
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

    /** Waits, at most {@value #CLOSE_TIMEOUT_S} s (Camel's graceful stop, Milvus Lite's stop), for latch. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(CLOSE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * camel-main with the YAML routes of {@code routesDir} ({@code *.camel.yaml}; {@code bucket-sync.camel.yaml}
     * only when {@code sync.enabled=true}, since it needs a reachable bucket), the Java DSL pipeline
     * ({@code direct:ingest}) and the beans the routes name; not started.
     */
    static Main camelMain(AppRuntime runtime, ProgressListener listener, Path routesDir) {
        return camelMain(runtime, listener, routeFiles(routesDir, runtime.config().sync().enabled()), true);
    }

    /** @return the {@code *.camel.yaml} files of routesDir, sorted; the bucket-sync one only when withSync */
    static List<Path> routeFiles(Path routesDir, boolean withSync) {
        try (Stream<Path> files = Files.list(routesDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml"))
                    .filter(f -> withSync || !f.getFileName().equals(SYNC_ROUTES))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the routes folder " + routesDir, e);
        }
    }

    /**
     * camel-main with the given YAML route files, the Java DSL pipeline and the beans the routes name; not started.
     *
     * @param scheduled whether the bucket-sync scheduler route starts (false: cycles run only on request, by
     *                  sending to {@code direct:bucket-sync-cycle}, as {@code bin/ingest sync} does)
     */
    static Main camelMain(AppRuntime runtime, ProgressListener listener, List<Path> routeFiles, boolean scheduled) {
        return camelMain(runtime, listener, routeFiles, scheduled, null);
    }

    /**
     * As above; with metrics (not null) and {@code serve.in-run=true}, the HTTP service of {@code bin/ingest serve}
     * ({@link HttpService}) runs too, on serve.host:serve.port, and health and metrics move there (one server).
     */
    static Main camelMain(AppRuntime runtime, ProgressListener listener, List<Path> routeFiles, boolean scheduled,
                          IngestMetrics metrics) {
        boolean http = metrics != null && scheduled && runtime.config().serve().inRun();
        Main main = new Main();
        main.configure().withRoutesIncludePattern(routeFiles.stream()
                .map(f -> "file:" + f.toAbsolutePath()).collect(Collectors.joining(",")));
        main.configure().addRoutesBuilder(new IngestRoutes(runtime.pipeline(), listener,
                runtime.config().pipelining().embedParallelism()));
        main.bind(IngestRoutes.UPLOAD_BEAN, runtime.uploader());
        main.bind(MilvusCommit.BEAN, metrics == null ? new MilvusCommit(runtime.commit())
                : new MilvusCommit(runtime.commit(), metrics::committed));
        DropFolderBeans.of(runtime.config().inbox(), runtime.config().dropFolder(), listener).forEach(main::bind);
        main.bind("milvusHealthCheck", new MilvusHealthCheck(runtime.client()));
        main.bind("modelHealthCheck", new ModelHealthCheck(runtime.embedder()));
        if (runtime.bulkStore() != null) {
            main.bind("objectStoreHealthCheck", new ObjectStoreHealthCheck(runtime.bulkStore()));
        }
        if (routeFiles.stream().anyMatch(f -> f.getFileName().equals(SYNC_ROUTES))) {
            BucketSyncBeans.bind(main, runtime.config().sync(), runtime.config().limits().maxBytes(),
                    runtime.config().milvus().collection(), runtime.writer(), runtime.commit(), listener);
        }
        if (http) {
            HttpService.install(main, runtime, metrics, System.getenv(ServeConfig.API_KEY_ENV), false);
        }
        // a one-shot sync (not scheduled) serves no health endpoint: it may run beside bin/ingest run
        if (scheduled && !http && runtime.config().healthPort() > 0) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    logHealthEndpoint(started.getCamelContext(), runtime.config());
                }
            });
        }
        Properties p = placeholders(runtime.config(), scheduled && !http);
        p.putAll(SyncPlaceholders.of(runtime.config().sync(), scheduled));
        if (http) {
            p.putAll(HttpService.properties(runtime.config().serve()));
        }
        main.setOverrideProperties(p);
        return main;
    }

    /** Logs where the management server that serves the health checks listens, as it reports it once started. */
    private static void logHealthEndpoint(CamelContext context, IngestConfig c) {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        String host = server != null ? server.getHost() : c.healthHost();
        int port = server != null ? server.getPort() : c.healthPort();
        LOG.info("health endpoint listening on http://{}:{}/observe/health ({})", host.contains(":") ? "[" + host + "]"
                : host, port, isLoopback(host) ? "this machine only; set health.host to serve a network"
                : "health.host=" + host + ": reachable from the network");
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /** Values the YAML routes reference as {{key}}, already resolved and validated. */
    private static Properties placeholders(IngestConfig c, boolean withHealth) {
        Properties p = new Properties();
        p.setProperty("ingest.inbox", c.inbox().toString());
        p.setProperty("ingest.poll-delay-ms", Long.toString(c.pollDelayMs()));
        p.setProperty("ingest.workers", Integer.toString(c.pipelining().workers()));
        DropFolderBeans.placeholders(p, c.dropFolder());
        if (withHealth && c.healthPort() > 0) {
            // camel-main's management server (camel-platform-http-main) serves Camel health checks; it binds to
            // every interface (0.0.0.0) unless told otherwise, so it is told health.host (loopback by default)
            p.setProperty("camel.management.enabled", "true");
            p.setProperty("camel.management.host", c.healthHost());
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
