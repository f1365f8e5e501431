package io.milvusingest.camel;

import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.runtime.AppRuntime;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code milvus-ingest:collection[?options]} component: documents in, rows in Milvus out (extract, split,
 * embed, upload), plus delete and search. Endpoints of one component share the loaded model, the Milvus client
 * and, per configuration, the collection's pipeline ({@link SharedRuntimes}).
 */
@Component("milvus-ingest")
public class MilvusIngestComponent extends DefaultComponent {
    /** The scheme. */
    public static final String SCHEME = "milvus-ingest";

    @Metadata(description = "The endpoints' default options.")
    private MilvusIngestConfiguration configuration = new MilvusIngestConfiguration();
    @Metadata(label = "advanced", autowired = true,
              description = "Told of each document ingested (and, by the failureRecorder bean, of each failure).")
    private ProgressListener progressListener;
    @Metadata(label = "advanced", description = "An application's own runtime (configuration, model, Milvus"
            + " connection, pipeline): endpoints on its collection use it as it is, and never close it.")
    private AppRuntime runtime;

    private SharedRuntimes shared;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MilvusIngestConfiguration config = configuration.copy();
        config.setCollection(remaining);
        MilvusIngestEndpoint endpoint = new MilvusIngestEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        // fails now, naming the option, rather than when the route starts
        endpoint.getConfiguration().toIngestConfig(Path.of("").toAbsolutePath());
        return endpoint;
    }

    synchronized SharedRuntimes shared() {
        if (shared == null) {
            shared = new SharedRuntimes(getCamelContext(), this, Path.of("").toAbsolutePath());
        }
        return shared;
    }

    public MilvusIngestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MilvusIngestConfiguration configuration) {
        this.configuration = configuration;
    }

    public ProgressListener getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(ProgressListener progressListener) {
        this.progressListener = progressListener;
    }

    public AppRuntime getRuntime() {
        return runtime;
    }

    public void setRuntime(AppRuntime runtime) {
        this.runtime = runtime;
    }
}
