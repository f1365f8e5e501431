package io.milvusingest.cli;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.ServeConfig;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.serve.IngestMetrics;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/ingest serve}: the HTTP service on {@code serve.host}:{@code serve.port} (camel-main's embedded
 * platform-http server) until stopped (Ctrl-C, SIGTERM): the web page, the search and documents API, OpenAI's
 * {@code POST /v1/embeddings}, health and metrics ({@link HttpService}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web page, the search API (/api/search, /api/documents), OpenAI-compatible "
                + "POST /v1/embeddings, /observe/health and /observe/metrics on serve.host:serve.port until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        IngestConfig config = common.load(Map.of());
        String apiKey = System.getenv(ServeConfig.API_KEY_ENV);
        if (!config.serve().loopback() && (apiKey == null || apiKey.isBlank())) { // before the model loads
            System.err.println("serve.host=" + config.serve().host() + " is reachable beyond this machine: set the "
                    + "API key in the environment variable " + ServeConfig.API_KEY_ENV);
            return 2;
        }
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home())) {
            // The app starting on an existing collection loads it: Milvus Lite forgets loads when it restarts, and
            // clients of this server (NeMo's retrieval) search the collection without loading it.
            String collection = config.milvus().collection();
            System.out.println("collection " + collection + (runtime.loadExistingCollection() ? ": loaded"
                    : ": does not exist yet"));
            Main main = new Main();
            HttpService.install(main, runtime, new IngestMetrics(), apiKey, true);
            main.setOverrideProperties(HttpService.properties(config.serve()));
            String host = config.serve().host().contains(":") ? "[" + config.serve().host() + "]" : config.serve().host();
            System.out.println("serving http://" + host + ":" + config.serve().port() + "/ (model "
                    + runtime.embedder().modelName() + "; API key " + (apiKey == null || apiKey.isBlank()
                    ? "not set: deletes refused" : "required" + (config.serve().loopback() ? " for deletes" : ""))
                    + "); Ctrl-C to stop");
            main.run();
        }
        return 0;
    }
}
