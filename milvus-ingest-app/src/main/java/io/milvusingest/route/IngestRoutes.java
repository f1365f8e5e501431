package io.milvusingest.route;

import io.milvusingest.model.Chunk;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.UploadResult;
import io.milvusingest.pipeline.IngestPipeline;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.StageTimings;
import java.io.File;
import java.util.List;
import java.util.concurrent.ExecutorService;
import io.milvusingest.embed.ParallelEmbedder;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:ingest}: the core pipeline as a Camel route, one processor per stage, ending in the Milvus
 * bean endpoint {@code bean:milvusUpload}. Input body: a {@link SourceDocument}, or anything Camel converts to a
 * {@link File} (the file consumer's GenericFile). Output body: the {@link DocumentResult}. Failures propagate
 * to the caller as {@link io.milvusingest.model.IngestException} so the source route decides where the file goes.
 */
public final class IngestRoutes extends RouteBuilder {
    /** Name of the Milvus upload bean in the Camel registry. */
    public static final String UPLOAD_BEAN = "milvusUpload";
    static final String SOURCE = "ingest.source";
    static final String PAGES = "ingest.pages";
    static final String CLOCK = "ingest.clock";
    static final String CHUNKS = "ingest.chunks";
    static final String TOKENS = "ingest.tokens";
    /** Name of the Camel thread pool that runs inference calls ({@code embed.parallelism} threads). */
    public static final String EMBED_POOL = "embed";
    static final String UPLOAD_START = "ingest.uploadStart";

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
        pipeline = core.withEmbedder(embedder);
        from("direct:ingest").routeId("ingest")
                // no error handler here: failures go back to the calling route, whose onException (or caller)
                // classifies them; a sub-route error handler would mark them handled-and-exhausted first
                .errorHandler(noErrorHandler())
                .process(this::toSource)
                .process(e -> timed(e, 0, () -> {
                    Extraction x = pipeline.extract(source(e));
                    e.setProperty(PAGES, x.pages());
                    return x;
                }))
                .process(e -> timed(e, 1, () -> pipeline.split(source(e), e.getIn().getBody(Extraction.class))))
                .process(e -> timed(e, 2, () -> pipeline.embed(source(e), e.getProperty(PAGES, Integer.class), chunks(e))))
                .process(e -> e.setProperty(UPLOAD_START, System.nanoTime()))
                .to("bean:" + UPLOAD_BEAN + "?method=write")
                .process(e -> e.getProperty(CLOCK, long[].class)[3] =
                        (System.nanoTime() - e.getProperty(UPLOAD_START, Long.class)) / 1_000_000)
                .process(this::toResult);
    }

    private void toSource(Exchange e) {
        Object body = e.getIn().getBody();
        SourceDocument doc = body instanceof SourceDocument d ? d : SourceDocument.ofFile(e.getIn().getBody(File.class).toPath());
        e.setProperty(SOURCE, doc);
        e.setProperty(CLOCK, new long[4]);
        e.getIn().setBody(doc);
    }

    private void toResult(Exchange e) {
        long[] ms = e.getProperty(CLOCK, long[].class);
        UploadResult w = e.getIn().getBody(UploadResult.class);
        int chunks = e.getProperty(CHUNKS, Integer.class);
        DocumentResult r = new DocumentResult(source(e), e.getProperty(PAGES, Integer.class), chunks,
                e.getProperty(TOKENS, Long.class), w.rowsUpserted(),
                w.rowsDeleted(), new StageTimings(ms[0], ms[1], ms[2], ms[3]));
        e.getIn().setBody(r);
        listener.succeeded(r);
    }

    @SuppressWarnings("unchecked")
    private static List<Chunk> chunks(Exchange e) {
        List<Chunk> chunks = e.getIn().getBody(List.class);
        e.setProperty(CHUNKS, chunks.size());
        e.setProperty(TOKENS, Chunk.tokens(chunks));
        return chunks;
    }

    private static SourceDocument source(Exchange e) {
        return e.getProperty(SOURCE, SourceDocument.class);
    }

    private static void timed(Exchange e, int stage, java.util.function.Supplier<Object> work) {
        long t0 = System.nanoTime();
        Object out = work.get();
        e.getProperty(CLOCK, long[].class)[stage] = (System.nanoTime() - t0) / 1_000_000;
        e.getIn().setBody(out);
    }
}
