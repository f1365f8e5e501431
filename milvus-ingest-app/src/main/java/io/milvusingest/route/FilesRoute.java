package io.milvusingest.route;

import io.milvusingest.report.FailureRecord;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.model.SourceDocument;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * {@code direct:files}: a one-shot run over a list of {@link SourceDocument}s (the body), each sent to
 * the {@code milvus-ingest} endpoint by a Splitter with parallel processing on the Camel thread pool {@value #POOL} of
 * {@code ingest.workers} threads. So while one document's chunks are embedded, the next is extracted and
 * split and the previous one uploaded; memory is bounded by the documents in flight (the queue holds only
 * {@code SourceDocument}s, i.e. paths). A failed document is reported to the listener and the run goes on.
 */
public final class FilesRoute extends RouteBuilder {
    /** Endpoint taking a {@code List<SourceDocument>}. */
    public static final String ENDPOINT = "direct:files";
    /** Name of the Camel thread pool of document workers. */
    public static final String POOL = "ingest-workers";

    private final ProgressListener listener;
    private final int workers;
    private final String ingest;

    /**
     * @param listener told of each failure (the component reports successes)
     * @param workers  documents in flight at once ({@code ingest.workers}), {@code >= 1}
     * @param collection the collection, whose {@code milvus-ingest} endpoint ingests each document
     */
    public FilesRoute(ProgressListener listener, int workers, String collection) {
        this.listener = listener;
        this.workers = workers;
        this.ingest = "milvus-ingest:" + collection;
    }

    @Override
    public void configure() {
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder(POOL).poolSize(workers).maxPoolSize(workers)
                .maxQueueSize(-1).build(); // unbounded queue of paths: the splitter hands over every file up front
        ExecutorService pool = getContext().getExecutorServiceManager().newThreadPool(this, POOL, profile);
        from(ENDPOINT).routeId("files")
                .split(body()).parallelProcessing().executorService(pool)
                    .doTry()
                        .to(ingest)
                    .doCatch(Exception.class)
                        .process(this::failed)
                    .end()
                .end();
    }

    private void failed(Exchange e) {
        // the body is still the document: a failed ingest leaves it as it was
        Object body = e.getIn().getBody();
        Throwable error = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        listener.failed(body instanceof SourceDocument doc ? doc.sourceName() : String.valueOf(body),
                FailureRecord.rootIngestCause(error));
    }
}
