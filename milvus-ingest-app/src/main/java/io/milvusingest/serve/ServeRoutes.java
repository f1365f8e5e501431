package io.milvusingest.serve;

import org.apache.camel.builder.RouteBuilder;

/**
 * The HTTP service of {@code bin/ingest serve}, on Camel's platform-http (the embedded Vert.x server of
 * camel-platform-http-main, bound to {@code serve.host}:{@code serve.port}). One route per endpoint; today
 * {@code POST /v1/embeddings} ({@link EmbeddingsEndpoint}).
 */
public final class ServeRoutes extends RouteBuilder {
    /** Path of the OpenAI-compatible embeddings endpoint. */
    public static final String EMBEDDINGS_PATH = "/v1/embeddings";

    private final EmbeddingsEndpoint embeddings;

    public ServeRoutes(EmbeddingsEndpoint embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public void configure() {
        // no httpMethodRestrict: a GET gets the endpoint's own 405 in OpenAI's error shape
        from("platform-http:" + EMBEDDINGS_PATH).routeId("openai-embeddings").process(embeddings);
    }
}
