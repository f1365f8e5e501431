package io.milvusingest.app;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.model.IngestException;
import io.milvusingest.report.FailureRecord;
import io.milvusingest.sync.SyncSummary;
import org.apache.camel.CamelExecutionException;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.camel.MilvusIngestComponent;
import io.milvusingest.camel.dropfolder.DropFolderBeans;
import io.milvusingest.route.BucketSyncBeans;
import io.milvusingest.route.MilvusHealthCheck;
import io.milvusingest.route.ModelHealthCheck;
import io.milvusingest.route.ObjectStoreHealthCheck;
import io.milvusingest.runtime.AppRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel assembly of the application: camel-main with the YAML routes of {@code routes/}, the component's
 * runtime and the beans and health checks the routes name. The picocli commands ({@code run}, {@code sync})
 * only start and stop it.
 */
public final class CamelApp {
    /** The bucket sync route file, loaded only when sync.enabled=true. */
    public static final Path SYNC_ROUTES = Path.of("bucket-sync.camel.yaml");
    /** The Kafka worker route file, loaded only by {@code bin/ingest worker}. */
    public static final Path WORKER_ROUTES = Path.of("kafka-worker.camel.yaml");
    /** The drop-folder route file, replaced by {@link #INBOX_ROUTES} in Kafka mode. */
    public static final Path DROP_FOLDER_ROUTES = Path.of("drop-folder.camel.yaml");
    /** The drop folder of Kafka mode (publishes work items), loaded by {@code bin/ingest run} when kafka.inbox=true. */
    public static final Path INBOX_ROUTES = Path.of("kafka-inbox.camel.yaml");
    /** The Kafka planner route file, loaded only by {@code bin/ingest planner}. */
    public static final Path PLANNER_ROUTES = Path.of("kafka-planner.camel.yaml");
    /** The Kafka coordinator route file, loaded by {@code bin/ingest planner} when kafka.bulk=true. */
    public static final Path COORDINATOR_ROUTES = Path.of("kafka-coordinator.camel.yaml");
    /** Route files of Kafka mode start with it; {@code bin/ingest run} leaves them out. */
    private static final String KAFKA_ROUTES_PREFIX = "kafka-";
    private static final Logger LOG = LoggerFactory.getLogger(CamelApp.class);

    private CamelApp() {
    }

    /**
     * camel-main with the YAML routes of {@code routesDir} ({@code *.camel.yaml}; {@code bucket-sync.camel.yaml}
     * only when {@code sync.enabled=true}, since it needs a reachable bucket), the {@code milvus-ingest} component on
     * the runtime, and the beans and health checks the routes use; not started.
     */
    public static Main camelMain(AppRuntime runtime, ProgressListener listener, Path routesDir) {
        return camelMain(runtime, listener, routeFiles(routesDir, runtime.config().sync().enabled()), true);
    }

    /**
     * @return the {@code *.camel.yaml} files of routesDir, sorted, except those of Kafka mode ({@code kafka-*});
     *     the bucket-sync one only when withSync
     */
    public static List<Path> routeFiles(Path routesDir, boolean withSync) {
        try (Stream<Path> files = Files.list(routesDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml"))
                    .filter(f -> !f.getFileName().toString().startsWith(KAFKA_ROUTES_PREFIX))
                    .filter(f -> withSync || !f.getFileName().equals(SYNC_ROUTES))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the routes folder " + routesDir, e);
        }
    }

    /**
     * camel-main with the given YAML route files, the {@code milvus-ingest} component on the runtime and the beans
     * the routes name; not started.
     *
     * @param scheduled whether the bucket-sync scheduler route starts (false: cycles run only on request, by
     *                  sending to {@code direct:bucket-sync-cycle}, as {@code bin/ingest sync} does)
     */
    public static Main camelMain(AppRuntime runtime, ProgressListener listener, List<Path> routeFiles, boolean scheduled) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(routeFiles.stream()
                .map(f -> "file:" + f.toAbsolutePath()).collect(Collectors.joining(",")));
        main.bind(MilvusIngestComponent.SCHEME, component(runtime, listener));
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
        // a one-shot sync (not scheduled) serves no health endpoint: it may run beside bin/ingest run
        if (scheduled && runtime.config().healthPort() > 0) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    logHealthEndpoint(started.getCamelContext(), runtime.config());
                }
            });
        }
        Properties p = placeholders(runtime.config(), scheduled);
        p.putAll(SyncPlaceholders.of(runtime.config().sync(), scheduled));
        main.setOverrideProperties(p);
        return main;
    }

    /**
     * The {@code milvus-ingest} component the routes send documents to, on the application's runtime (its
     * configuration, loaded model, Milvus connection and group commit), telling {@code listener} of each document.
     */
    public static MilvusIngestComponent component(AppRuntime runtime, ProgressListener listener) {
        MilvusIngestComponent component = new MilvusIngestComponent();
        component.setRuntime(runtime);
        component.setProgressListener(listener);
        return component;
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
        p.setProperty("milvus.collection", c.milvus().collection());
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

    /**
     * Starts camel-main with the bucket-sync routes only, runs one cycle synchronously and stops.
     *
     * @return the cycle's summary
     * @throws Exception when the routes cannot start (bucket missing, S3 unreachable) or the listing fails
     */
    public static SyncSummary syncOnce(AppRuntime runtime, ProgressListener listener, Path routesDir) throws Exception {
        Main main = camelMain(runtime, listener, List.of(routesDir.resolve(SYNC_ROUTES)), false);
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
