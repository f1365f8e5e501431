package io.milvusingest.camel;

import io.milvusingest.milvus.SearchHit;
import io.milvusingest.milvus.SearchMode;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.pipeline.ProgressListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the operation of the message (header {@code CamelMilvusIngestOperation}, else the endpoint's): ingest
 * through the core pipeline, delete a source's rows, or search. A failed ingest throws the pipeline's
 * {@link io.milvusingest.model.IngestException} (kind, stage, page, transient) for the route's error handler.
 */
public class MilvusIngestProducer extends DefaultProducer {
    public MilvusIngestProducer(MilvusIngestEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MilvusIngestEndpoint getEndpoint() {
        return (MilvusIngestEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        MilvusIngestConfiguration config = getEndpoint().getConfiguration();
        MilvusIngestOperation op = in.getHeader(MilvusIngestConstants.OPERATION, config.getOperation(),
                MilvusIngestOperation.class);
        SharedRuntimes.Lease lease = getEndpoint().lease();
        switch (op) {
            case ingest -> ingest(exchange, lease);
            case delete -> delete(in, lease);
            case search -> search(in, lease, config);
        }
    }

    private void ingest(Exchange exchange, SharedRuntimes.Lease lease) {
        Message in = exchange.getIn();
        DocumentResult r;
        try (DocumentBodies.Doc doc = DocumentBodies.document(in)) {
            r = lease.pipeline().ingest(doc.source());
        }
        exchange.setProperty(MilvusIngestConstants.COMMIT_PROPERTY, lease.runtime().commit());
        in.setBody(r);
        in.setHeader(MilvusIngestConstants.SOURCE_ID, r.source().sourceId());
        in.setHeader(MilvusIngestConstants.PAGES, r.pages());
        in.setHeader(MilvusIngestConstants.CHUNKS, r.chunks());
        in.setHeader(MilvusIngestConstants.TOKENS, r.tokens());
        in.setHeader(MilvusIngestConstants.ROWS, r.rows());
        in.setHeader(MilvusIngestConstants.ROWS_DELETED, r.stale());
        Map<String, Long> ms = new LinkedHashMap<>();
        ms.put("extract", r.timings().extractMs());
        ms.put("split", r.timings().splitMs());
        ms.put("embed", r.timings().embedMs());
        ms.put("upload", r.timings().uploadMs());
        in.setHeader(MilvusIngestConstants.STAGE_MS, ms);
        ProgressListener listener = getEndpoint().getComponent().getProgressListener();
        if (listener != null) {
            listener.succeeded(r);
        }
    }

    private static void delete(Message in, SharedRuntimes.Lease lease) {
        String id = DocumentBodies.sourceId(in);
        if (id == null) {
            throw new IllegalArgumentException("delete needs the header " + MilvusIngestConstants.SOURCE_ID
                    + " (or CamelFileAbsolutePath, CamelAwsS3Key) to name the source");
        }
        long deleted = lease.runtime().writer().deleteSource(id);
        in.setHeader(MilvusIngestConstants.SOURCE_ID, id);
        in.setHeader(MilvusIngestConstants.ROWS_DELETED, deleted);
        in.setBody(deleted);
    }

    private static void search(Message in, SharedRuntimes.Lease lease, MilvusIngestConfiguration config)
            throws Exception {
        String question = in.getMandatoryBody(String.class);
        int k = in.getHeader(MilvusIngestConstants.TOP_K, config.getTopK(), Integer.class);
        String mode = in.getHeader(MilvusIngestConstants.SEARCH_MODE, config.getSearchMode(), String.class);
        String filter = in.getHeader(MilvusIngestConstants.FILTER, config.getFilter(), String.class);
        List<SearchHit> hits = lease.runtime().searcher()
                .search(question, k, SearchMode.valueOf(mode.toUpperCase(Locale.ROOT)), filter);
        in.setBody(hits);
    }
}
