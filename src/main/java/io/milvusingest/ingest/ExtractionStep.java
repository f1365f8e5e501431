package io.milvusingest.ingest;

import io.milvusingest.extract.Extraction;

/** A task run on a document's extraction before chunking (captions, the store task). Thread-safe. */
@FunctionalInterface
public interface ExtractionStep {

    /**
     * @return the extraction, possibly with changed elements
     * @throws IngestException classified, with the step's {@link Stage}
     */
    Extraction apply(SourceDocument document, Extraction extraction);
}
