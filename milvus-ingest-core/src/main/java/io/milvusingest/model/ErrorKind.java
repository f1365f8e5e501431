package io.milvusingest.model;


/**
 * Why a document failed. Written to {@code <name>.error.json} and to run reports, so the names are a
 * stable, public vocabulary.
 */
public enum ErrorKind {
    /** The document needs a password that was not configured. Permanent. */
    ENCRYPTED(false),
    /** The bytes cannot be parsed as the format the extension claims. Permanent. */
    CORRUPT(false),
    /** The document opens but yields no text to index. Permanent. */
    EMPTY(false),
    /** No extractor handles this file type. Permanent. */
    UNSUPPORTED(false),
    /** Over a configured size, page or pixel limit. Permanent. */
    TOO_LARGE(false),
    /**
     * The input may not be read: a symbolic link leading out of the drop folder (or any link, with
     * {@code ingest.follow-symlinks=never}), a link to a folder, or something other than a regular file. Permanent.
     */
    FORBIDDEN(false),
    /** Extraction exceeded its time budget (hostile or pathological input). Permanent. */
    TIMEOUT(false),
    /** The captioning (vision) model failed. Transient: a remote model may recover. */
    CAPTION_FAILED(true),
    /** The embedding model failed. Transient: a remote model may recover. */
    EMBEDDING_FAILED(true),
    /**
     * The reranking service failed while ordering search hits (search only, never a document's failure).
     * Transient: a remote model may recover.
     */
    RERANK_FAILED(true),
    /** Milvus (or object storage) was unreachable or refused the write. Transient. */
    STORE_UNAVAILABLE(true),
    /**
     * Milvus's bulk import job rejected the staged rows (its reason is in the message, e.g. a field missing or a
     * vector of the wrong dimension). Permanent: the same rows fail again.
     */
    IMPORT_FAILED(false),
    /** A bug or an unclassified failure; kept distinct so it is never mistaken for bad input. */
    INTERNAL(false);

    private final boolean transientFailure;

    ErrorKind(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** @return true when retrying the same input later may succeed (outage, overload). */
    public boolean isTransient() {
        return transientFailure;
    }
}
