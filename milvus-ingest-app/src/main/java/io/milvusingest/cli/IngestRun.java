package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.upload.JobOutcome;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.RunReport;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.route.FilesRoute;
import io.milvusingest.app.CamelApp;
import io.milvusingest.camel.MilvusIngestComponent;
import io.milvusingest.camel.MilvusIngestEndpoint;
import io.milvusingest.embed.ParallelEmbedder;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A one-shot run: sends the files through {@code direct:files}, which hands them, {@code ingest.workers} at a
 * time, to the same {@code milvus-ingest} component the drop folder uses, and prints progress. Files are never
 * moved: the caller owns them.
 */
final class IngestRun {
    private static final Logger LOG = LoggerFactory.getLogger(IngestRun.class);
    private static final long START_MILLIS = ManagementFactory.getRuntimeMXBean().getStartTime();

    private IngestRun() {
    }

    /** Ingests the files and returns the printer holding the run's summary. */
    static ProgressPrinter ingest(AppRuntime runtime, List<Path> files) throws Exception {
        ProgressPrinter printer = new ProgressPrinter(System.out);
        try (RunReport report = RunReport.open(runtime.config().reportDir(), "files");
             CamelContext camel = new DefaultCamelContext()) {
            ProgressListener listener = ProgressListener.both(printer, report);
            IngestConfig.Pipelining p = runtime.config().pipelining();
            camel.getRegistry().bind(MilvusIngestComponent.SCHEME, CamelApp.component(runtime, listener));
            String collection = runtime.config().milvus().collection();
            camel.addRoutes(new FilesRoute(listener, p.workers(), collection));
            camel.start();
            LOG.info("{} documents, {} at once (ingest.workers), {} concurrent inference calls (embed.parallelism)",
                    files.size(), p.workers(), p.embedParallelism());
            runtime.uploader().beginJob(-1); // the run is one job: it streams, or bulk imports once large enough
            camel.createProducerTemplate().requestBody(FilesRoute.ENDPOINT,
                    files.stream().map(SourceDocument::ofFile).toList());
            long first = camel.getEndpoint(MilvusIngestComponent.SCHEME + ":" + collection, MilvusIngestEndpoint.class)
                    .pipeline().embedder() instanceof ParallelEmbedder pe ? pe.firstEmbeddedAtMillis() : 0;
            if (first > 0) {
                // from the JVM's start (bin/ingest adds only a shell exec): model load, Milvus start, first document
                System.out.println("start-up: first chunk embedded " + (first - START_MILLIS) + " ms after launch");
            }
            JobOutcome job = runtime.uploader().endJob();
            for (JobOutcome.FailedSource lost : job.failed()) {
                String name = Path.of(lost.sourceId()).getFileName().toString();
                printer.importFailed(name, lost.rows(), job.error());
                report.failed(name, job.error()); // follows the line written when its rows were staged
            }
            System.out.println("report: " + report.file());
        }
        // One flush per run, not per document: Milvus rate-limits flush, and upserts are already durable in its WAL.
        // The commit also loads the collection, so it is searchable when the run ends, whatever was released.
        runtime.writer().commit();
        System.out.println(printer.summary().describe());
        return printer;
    }

    /**
     * Expands folders (recursively, skipping hidden files and folders such as {@code .done/}) to the files whose
     * extension is in {@code include}; files named explicitly are always taken, so an unsupported one is reported.
     */
    static List<Path> collect(List<Path> paths, List<String> include) {
        Set<String> exts = new TreeSet<>(include);
        List<Path> files = new ArrayList<>();
        Set<String> skipped = new TreeSet<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file or folder: " + p);
            }
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).filter(f -> !isHidden(p, f)).sorted().forEach(f -> {
                    String ext = extension(f);
                    if (exts.contains(ext)) {
                        files.add(f);
                    } else {
                        skipped.add(ext.isEmpty() ? "(no extension)" : "." + ext);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!skipped.isEmpty()) {
            System.out.println("skipping files of types not in ingest.include: " + String.join(", ", skipped));
        }
        return files;
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String extension(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
