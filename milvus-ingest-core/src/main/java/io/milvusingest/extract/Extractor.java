package io.milvusingest.extract;

import io.milvusingest.model.Extraction;

import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;

/** Turns a document into elements. Implementations are stateless and thread-safe. */
public interface Extractor {

    /**
     * @return the document's elements in reading order and its page count
     * @throws IngestException kind CORRUPT, ENCRYPTED, EMPTY, UNSUPPORTED or TOO_LARGE, stage EXTRACT
     */
    Extraction extract(SourceDocument document);
}
