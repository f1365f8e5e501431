package io.milvusingest.model;


/** The pipeline stage in which a document failed; reported beside the {@link ErrorKind}. */
public enum Stage {
    EXTRACT, CAPTION, STORE, SPLIT, EMBED, UPLOAD;

    /** @return the lower-case name used in error files and reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
