package io.milvusingest.milvus;

import io.milvusingest.model.IngestException;
import io.milvusingest.pipeline.DocumentWriter;
import java.util.List;

/**
 * The rows of an ingest in Milvus: one collection ({@link MilvusWriter}) or several, rows routed by content type
 * ({@link RoutedWriter}). {@link #write} replaces a document's earlier rows; the other operations reach every row
 * of a source, count rows, and end an ingest. Every failure of Milvus is an {@link IngestException} of kind
 * STORE_UNAVAILABLE, stage UPLOAD.
 */
public interface MilvusStore extends DocumentWriter {

    /**
     * Deletes every row of a document.
     *
     * @return rows deleted
     * @throws IngestException STORE_UNAVAILABLE/UPLOAD when Milvus fails
     */
    int deleteSource(String sourceId);

    /**
     * Deletes every row of the documents.
     *
     * @return rows deleted
     * @throws IngestException STORE_UNAVAILABLE/UPLOAD when Milvus fails
     */
    long deleteSources(List<String> sourceIds);

    /**
     * @param filter a Milvus boolean expression, or null/blank for all rows
     * @return the number of matching rows, read at Strong consistency
     * @throws IngestException STORE_UNAVAILABLE/UPLOAD when Milvus fails
     */
    long count(String filter);

    /**
     * Seals written rows into segment files (Milvus {@code flush}); blocks until done.
     *
     * @throws IngestException STORE_UNAVAILABLE/UPLOAD when Milvus fails
     */
    void flush();

    /**
     * Ends an ingest: {@link #flush()}, then loads the collection (a no-op when it is loaded). Loading again matters
     * because Milvus Lite forgets load states when it restarts, and readers that never load (NeMo Retriever's
     * {@code nvingest_retrieval}) would otherwise find a released collection.
     *
     * @throws IngestException STORE_UNAVAILABLE/UPLOAD when Milvus fails
     */
    void commit();
}
