package io.milvusingest.pipeline;

import io.milvusingest.model.SourceDocument;

import io.milvusingest.model.Extraction;

/** A task run on a document's extraction before chunking (captions, the store task). Thread-safe. */
@FunctionalInterface
public interface ExtractionStep {

    /**
     * @return the extraction, possibly with changed elements
     * @throws IngestException classified, with the step's {@link Stage}
     */
    Extraction apply(SourceDocument document, Extraction extraction);
}
