package io.milvusingest.model;


/**
 * The pipeline stage in which a document failed; reported beside the {@link ErrorKind}. {@link #SEARCH} is no
 * document's stage: it marks a failure while answering a search (reranking).
 */
public enum Stage {
    EXTRACT, CAPTION, STORE, SPLIT, EMBED, UPLOAD, SEARCH;

    /** @return the lower-case name used in error files and reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
