package io.milvusingest.extract;

import java.util.Locale;

/** NeMo Retriever's {@code text_depth}: one text element per page, or one for the whole document. */
public enum TextDepth {
    PAGE, DOCUMENT;

    /**
     * @param value {@code page} or {@code document}, any case
     * @throws IllegalArgumentException for anything else
     */
    public static TextDepth parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not page or document", e);
        }
    }
}
