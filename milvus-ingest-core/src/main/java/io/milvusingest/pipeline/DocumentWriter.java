package io.milvusingest.pipeline;

import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.UploadResult;

/** The upload stage: stores a document's rows, replacing any earlier version of the same source. */
public interface DocumentWriter {

    /**
     * @return rows written and stale rows removed
     * @throws IngestException kind STORE_UNAVAILABLE (transient) or TOO_LARGE, stage UPLOAD
     */
    UploadResult write(EmbeddedDocument document);
}
