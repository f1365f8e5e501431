package io.milvusingest.cli;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.ServeConfig;
import io.milvusingest.route.MilvusHealthCheck;
import io.milvusingest.route.ModelHealthCheck;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.serve.ApiKeyGuard;
import io.milvusingest.serve.Collections;
import io.milvusingest.serve.DocumentsApi;
import io.milvusingest.serve.EmbeddingsEndpoint;
import io.milvusingest.serve.IngestMetrics;
import io.milvusingest.serve.RunReports;
import io.milvusingest.serve.SearchApi;
import io.milvusingest.serve.ServeRoutes;
import io.milvusingest.serve.SourceFiles;
import java.util.Properties;
import org.apache.camel.main.Main;

/**
 * Puts the HTTP service on a camel-main: the routes of {@link ServeRoutes} over the runtime's one model and Milvus
 * client, the metrics registry, the health checks, and the properties of camel-main's embedded server on
 * {@code serve.host:serve.port}. Health ({@code /observe/health}, {@code /live}, {@code /ready}) and metrics
 * ({@code /observe/metrics}) are served by camel-main's management server, told the same host and port: it then
 * shares the one server (camel-platform-http-main reuses the main server when the ports match), so the service
 * has one port.
 */
final class HttpService {
    /** Largest request body the server reads, bytes: 2048 embedding inputs of 510 tokens fit well within it. */
    static final long MAX_BODY_BYTES = 16L << 20;

    private HttpService() {
    }

    /**
     * @param apiKey the API key ({@link ServeConfig#API_KEY_ENV}), or null
     * @throws IllegalStateException when serve.host is beyond loopback and there is no key
     */
    static void install(Main main, AppRuntime runtime, IngestMetrics metrics, String apiKey, boolean withHealthChecks) {
        IngestConfig config = runtime.config();
        ServeConfig serve = config.serve();
        ApiKeyGuard guard = ApiKeyGuard.of(serve, apiKey);
        Collections collections = new Collections(runtime.client(), runtime.embedder(), config.search(),
                runtime.reranking(), config.milvus().collection(),
                config.milvus().routes().values());
        main.configure().addRoutesBuilder(new ServeRoutes(new EmbeddingsEndpoint(runtime.embedder(),
                runtime.tokenizer()),
                new SearchApi(collections, guard, serve.maxBodyBytes(), config.searchTopK(), metrics::searched),
                new DocumentsApi(collections, new RunReports(config.reportDir()), guard, serve.maxBodyBytes()),
                new SourceFiles(collections, serve.fileRoots(), guard), guard));
        main.bind(IngestMetrics.REGISTRY_BEAN, metrics.registry());
        if (withHealthChecks) {
            main.bind("milvusHealthCheck", new MilvusHealthCheck(runtime.client()));
            main.bind("modelHealthCheck", new ModelHealthCheck(runtime.embedder()));
        }
    }

    /** camel-main's embedded server, its management server (health, metrics) and metrics on serve.host:serve.port. */
    static Properties properties(ServeConfig serve) {
        Properties p = new Properties();
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.host", serve.host());
        p.setProperty("camel.server.port", Integer.toString(serve.port()));
        p.setProperty("camel.server.maxBodySize", Long.toString(MAX_BODY_BYTES));
        p.setProperty("camel.management.enabled", "true");
        p.setProperty("camel.management.host", serve.host());
        p.setProperty("camel.management.port", Integer.toString(serve.port()));
        p.setProperty("camel.management.healthCheckEnabled", "true");
        p.setProperty("camel.management.metricsEnabled", "true");
        p.setProperty("camel.metrics.enabled", "true");
        p.setProperty("camel.health.exposureLevel", "full");
        return p;
    }
}
