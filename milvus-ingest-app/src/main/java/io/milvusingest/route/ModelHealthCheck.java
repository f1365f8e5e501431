package io.milvusingest.route;

import io.milvusingest.embed.Embedder;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Camel health check {@code embedding-model}: UP once the embedding model is loaded and gives vectors. */
public final class ModelHealthCheck extends AbstractHealthCheck {
    private final Embedder embedder;

    public ModelHealthCheck(Embedder embedder) {
        super("milvus-ingest", "embedding-model");
        this.embedder = embedder;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("dimension", embedder.dimension());
        builder.up();
    }
}
