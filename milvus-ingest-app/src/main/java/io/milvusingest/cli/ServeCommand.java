package io.milvusingest.cli;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.serve.EmbeddingsEndpoint;
import io.milvusingest.serve.ServeRoutes;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/ingest serve}: the HTTP service on {@code serve.host}:{@code serve.port} (camel-main's embedded
 * platform-http server) until stopped (Ctrl-C, SIGTERM); today OpenAI's {@code POST /v1/embeddings}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API (OpenAI-compatible POST /v1/embeddings on the in-process model) on "
                + "serve.host:serve.port until stopped.")
final class ServeCommand implements Callable<Integer> {
    /** Largest request body accepted, bytes: 2048 inputs of 510 tokens fit well within it. */
    static final long MAX_BODY_BYTES = 16L << 20;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        IngestConfig config = common.load(Map.of());
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home())) {
            // The app starting on an existing collection loads it: Milvus Lite forgets loads when it restarts, and
            // clients of this server (NeMo's retrieval) search the collection without loading it.
            String collection = config.milvus().collection();
            System.out.println("collection " + collection + (runtime.loadExistingCollection() ? ": loaded"
                    : ": does not exist yet"));
            Main main = new Main();
            main.configure().addRoutesBuilder(new ServeRoutes(new EmbeddingsEndpoint(runtime.embedder(),
                    runtime.tokenizer())));
            main.setOverrideProperties(serverProperties(config));
            System.out.println("serving http://" + config.serve().host() + ":" + config.serve().port()
                    + ServeRoutes.EMBEDDINGS_PATH + " (model " + runtime.embedder().modelName() + "); Ctrl-C to stop");
            main.run();
        }
        return 0;
    }

    /** camel-main's embedded HTTP server (camel-platform-http-main) on serve.host:serve.port. */
    static Properties serverProperties(IngestConfig config) {
        Properties p = new Properties();
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.host", config.serve().host());
        p.setProperty("camel.server.port", Integer.toString(config.serve().port()));
        p.setProperty("camel.server.maxBodySize", Long.toString(MAX_BODY_BYTES));
        return p;
    }
}
