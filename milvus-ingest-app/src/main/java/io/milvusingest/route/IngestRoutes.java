package io.milvusingest.route;

import io.milvusingest.embed.ParallelEmbedder;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.pipeline.IngestPipeline;
import io.milvusingest.pipeline.ProgressListener;
import java.io.File;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:ingest}: a thin adapter calling {@link IngestPipeline#ingest(SourceDocument)}. Input body: a
 * {@link SourceDocument}, or anything Camel converts to a {@link File} (the file consumer's GenericFile). Output
 * body: the {@link DocumentResult}. Failures propagate to the caller as
 * {@link io.milvusingest.model.IngestException} so the source route decides where the file goes.
 */
public final class IngestRoutes extends RouteBuilder {
    /** Name of the Camel thread pool that runs inference calls ({@code embed.parallelism} threads). */
    public static final String EMBED_POOL = "embed";

    private final IngestPipeline core;
    private final ProgressListener listener;
    private final int embedParallelism;
    private volatile IngestPipeline pipeline;
    private volatile ParallelEmbedder embedder;

    /**
     * @param pipeline         the core pipeline
     * @param listener         told of each document ingested
     * @param embedParallelism threads of the {@value #EMBED_POOL} pool, i.e. concurrent inference calls shared by
     *                         every document in flight ({@code embed.parallelism}), {@code >= 1}
     */
    public IngestRoutes(IngestPipeline pipeline, ProgressListener listener, int embedParallelism) {
        this.core = pipeline;
        this.listener = listener;
        this.embedParallelism = embedParallelism;
    }

    /** @return the embedder the route runs on (known once the route is configured), or null before */
    public ParallelEmbedder embedder() {
        return embedder;
    }

    @Override
    public void configure() {
        // a Camel-managed pool (shut down with the context, visible in JMX), not a hand-rolled executor
        ExecutorService pool = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, EMBED_POOL, embedParallelism);
        embedder = new ParallelEmbedder(core.embedder(), pool, core.embedder().batchSize());
        pipeline = core.toBuilder().embedder(embedder).build();
        from("direct:ingest").routeId("ingest")
                // no error handler here: failures go back to the calling route, whose onException (or caller)
                // classifies them; a sub-route error handler would mark them handled-and-exhausted first
                .errorHandler(noErrorHandler())
                .process(this::ingest);
    }

    private void ingest(Exchange e) {
        Object body = e.getIn().getBody();
        SourceDocument doc = body instanceof SourceDocument d ? d
                : SourceDocument.ofFile(e.getIn().getBody(File.class).toPath());
        DocumentResult result = pipeline.ingest(doc);
        e.getIn().setBody(result);
        listener.succeeded(result);
    }
}
