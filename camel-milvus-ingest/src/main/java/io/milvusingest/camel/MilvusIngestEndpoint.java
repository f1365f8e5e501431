package io.milvusingest.camel;

import io.milvusingest.runtime.AppRuntime;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Ingest documents into a Milvus collection (extract, chunk, embed, upload), delete a source's rows, or search.
 * Starting the endpoint loads the model and connects to Milvus, unless another endpoint of the same
 * CamelContext already did; stopping it lets go of them.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = MilvusIngestComponent.SCHEME, title = "Milvus Ingest",
             syntax = "milvus-ingest:collection", producerOnly = true, category = {Category.AI, Category.DATABASE},
             headersClass = MilvusIngestConstants.class)
public class MilvusIngestEndpoint extends DefaultEndpoint {
    @UriParam
    private MilvusIngestConfiguration configuration;

    private volatile SharedRuntimes.Lease lease;

    public MilvusIngestEndpoint(String uri, MilvusIngestComponent component, MilvusIngestConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public MilvusIngestComponent getComponent() {
        return (MilvusIngestComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new MilvusIngestProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("milvus-ingest is a producer only: use it in to(...)");
    }

    @Override
    public boolean isSingleton() {
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AppRuntime app = getComponent().getRuntime();
        SharedRuntimes shared = getComponent().shared();
        if (app != null && app.config().milvus().collection().equals(configuration.getCollection())) {
            lease = shared.application(app);
        } else {
            lease = shared.acquire(configuration.toIngestConfig(java.nio.file.Path.of("").toAbsolutePath()),
                    configuration.getEmbedder(), configuration.getMilvusClient());
        }
    }

    @Override
    protected void doStop() throws Exception {
        SharedRuntimes.Lease l = lease;
        lease = null;
        if (l != null) {
            getComponent().shared().release(l);
        }
        super.doStop();
    }

    /** @return the runtime and pipeline this endpoint runs on; null until started */
    SharedRuntimes.Lease lease() {
        return lease;
    }

    /** @return the pipeline documents go through (its embedder runs on the shared pool); null until started */
    public io.milvusingest.pipeline.IngestPipeline pipeline() {
        SharedRuntimes.Lease l = lease;
        return l == null ? null : l.pipeline();
    }

    public MilvusIngestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MilvusIngestConfiguration configuration) {
        this.configuration = configuration;
    }
}
