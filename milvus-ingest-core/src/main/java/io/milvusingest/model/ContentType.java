package io.milvusingest.model;


import java.util.Locale;

/** Kind of an extracted element; stored as {@code content_metadata.type} (NeMo Retriever's vocabulary). */
public enum ContentType {
    TEXT, TABLE, IMAGE, CHART;

    /** @return the lower-case value stored in Milvus. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
