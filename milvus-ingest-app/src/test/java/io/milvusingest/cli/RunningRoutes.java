package io.milvusingest.cli;

import io.milvusingest.app.CamelApp;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.pipeline.ProgressListener;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.main.Main;

/**
 * The routes of {@code bin/ingest run} (camel-main with {@code routes/*.camel.yaml}) on a background thread, as the
 * drop-folder ITs drive them; per-document progress is not printed. Closing stops camel-main (waits up to 30 s).
 */
final class RunningRoutes implements AutoCloseable {
    private static final ProgressListener SILENT = new ProgressListener() {
        @Override
        public void succeeded(DocumentResult result) {
        }

        @Override
        public void failed(String name, Throwable error) {
        }
    };

    private final Main camel;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private RunningRoutes(AppRuntime runtime) {
        camel = CamelApp.camelMain(runtime, SILENT, Path.of("routes"));
        thread = new Thread(() -> {
            try {
                camel.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "camel-main");
    }

    /** Starts the routes; they run until {@link #close()}. */
    static RunningRoutes start(AppRuntime runtime) {
        RunningRoutes routes = new RunningRoutes(runtime);
        routes.thread.start();
        return routes;
    }

    /** @return why camel-main stopped by itself (e.g. a route failed to start), or null while it runs */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        camel.completed();
        thread.join(30_000);
    }
}
