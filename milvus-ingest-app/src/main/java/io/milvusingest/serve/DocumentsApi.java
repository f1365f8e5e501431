package io.milvusingest.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.milvusingest.model.IngestException;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/documents}: {@code {"collection", "truncated", "documents": [{id, source_id, source_name, rows,
 * pages, last_ingested, status}], "failed": [{source, file, kind, stage, message, time}]}}, status and times from
 * the run reports ({@link RunReports}; "ingested" when no report names a source), failed = sources whose latest
 * report line is a failure. {@code GET /api/documents/{id}}: {@code {id, source_id, pages: [{page, chunks: [{chunk_index,
 * content_type, text}]}]}} (404 when the source has no rows). {@code DELETE /api/documents/{id}} (API key always):
 * {@code {id, rows_deleted}}. Query parameter {@code collection} as {@link SearchApi}.
 */
public final class DocumentsApi implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentsApi.class);
    private final Collections collections;
    private final DocumentCatalog catalog;
    private final RunReports reports;
    private final ApiKeyGuard guard;
    private final long maxBodyBytes;

    public DocumentsApi(Collections collections, RunReports reports, ApiKeyGuard guard, long maxBodyBytes) {
        this.collections = collections;
        this.catalog = new DocumentCatalog(collections);
        this.reports = reports;
        this.guard = guard;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void process(Exchange exchange) {
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
        String id = exchange.getMessage().getHeader("id", String.class);
        try {
            boolean delete = "DELETE".equalsIgnoreCase(method);
            guard.check(exchange, delete);
            ObjectNode p = HttpExchanges.params(exchange, maxBodyBytes, "collection");
            String collection = collections.resolve(HttpExchanges.text(p, "collection", null));
            if (id == null) {
                HttpExchanges.answer(exchange, 200, list(collection));
            } else if (delete) {
                String sourceId = DocumentIds.decode(id);
                int deleted = catalog.delete(collection, sourceId);
                LOG.info("deleted {} rows of {} from {}", deleted, sourceId, collection);
                HttpExchanges.answer(exchange, 200, HttpExchanges.JSON.createObjectNode().put("id", id)
                        .put("source_id", sourceId).put("rows_deleted", deleted));
            } else {
                HttpExchanges.answer(exchange, 200, chunks(collection, id));
            }
        } catch (ApiError e) {
            HttpExchanges.answer(exchange, e);
        } catch (IllegalStateException e) { // the collection does not exist
            HttpExchanges.answer(exchange, new ApiError(404, "invalid_request_error", "collection",
                    "collection_not_found", e.getMessage()));
        } catch (IngestException e) {
            LOG.warn("documents request failed: {}", e.getMessage());
            HttpExchanges.answer(exchange, new ApiError(503, "server_error", null, e.kind().name(), e.getMessage()));
        }
    }

    private ObjectNode list(String collection) {
        Map<String, RunReports.Entry> latest = reports.latest();
        DocumentCatalog.Listing listing = collections.exists(collection) ? catalog.sources(collection)
                : new DocumentCatalog.Listing(Map.of(), false);
        ObjectNode root = HttpExchanges.JSON.createObjectNode().put("collection", collection)
                .put("truncated", listing.truncated());
        ArrayNode docs = root.putArray("documents");
        for (DocumentCatalog.Source s : listing.sources().values()) {
            RunReports.Entry e = latest.get(s.sourceId());
            ObjectNode d = docs.addObject().put("id", DocumentIds.encode(s.sourceId())).put("source_id", s.sourceId())
                    .put("source_name", s.sourceName()).put("rows", s.rows()).put("pages", s.pages().size())
                    .put("last_ingested", e == null ? null : e.time())
                    .put("status", e == null ? "ingested" : e.status());
            if (e != null && "failed".equals(e.status())) {
                d.put("kind", e.kind()).put("message", e.message());
            }
        }
        ArrayNode failed = root.putArray("failed");
        latest.values().stream().filter(e -> "failed".equals(e.status()))
                .sorted((a, b) -> b.time().compareTo(a.time()))
                .forEach(e -> failed.addObject().put("source", e.source()).put("file", e.file()).put("kind", e.kind())
                        .put("stage", e.stage()).put("message", e.message()).put("time", e.time()));
        return root;
    }

    private ObjectNode chunks(String collection, String id) {
        String sourceId = DocumentIds.decode(id);
        List<DocumentCatalog.ChunkRow> rows = catalog.chunks(collection, sourceId);
        if (rows.isEmpty()) {
            throw new ApiError(404, "invalid_request_error", "id", "document_not_found",
                    "no rows of this document in collection " + collection);
        }
        ObjectNode root = HttpExchanges.JSON.createObjectNode().put("id", id).put("source_id", sourceId)
                .put("collection", collection);
        ArrayNode pages = root.putArray("pages");
        ObjectNode current = null;
        for (DocumentCatalog.ChunkRow r : rows) {
            if (current == null || current.get("page").asInt() != r.page()) {
                current = pages.addObject().put("page", r.page());
                current.putArray("chunks");
            }
            ((ArrayNode) current.get("chunks")).addObject().put("chunk_index", r.chunkIndex())
                    .put("content_type", r.contentType()).put("text", r.text());
        }
        return root;
    }
}
