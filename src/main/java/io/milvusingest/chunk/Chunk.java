package io.milvusingest.chunk;

import io.milvusingest.extract.ContentType;
import io.milvusingest.extract.Element;

/**
 * A span of text small enough for the embedding model.
 *
 * @param text       the chunk text, a verbatim slice of its element's text
 * @param type       content type of the element it came from
 * @param pageNumber 1-based page (0 for page-less formats)
 * @param index      0-based position of the chunk within its document; with the source id it makes the primary key
 * @param tokenCount number of model tokens, excluding the model's special tokens ([CLS]/[SEP])
 * @param element    the element it was cut from (position, page size, image), or null when unknown
 */
public record Chunk(String text, ContentType type, int pageNumber, int index, int tokenCount, Element element) {

    /** @return the chunks' model tokens, summed ({@link #tokenCount()}) */
    public static long tokens(java.util.List<Chunk> chunks) {
        return chunks.stream().mapToLong(Chunk::tokenCount).sum();
    }

    /** A chunk without its element (tests, text-only callers). */
    public Chunk(String text, ContentType type, int pageNumber, int index, int tokenCount) {
        this(text, type, pageNumber, index, tokenCount, null);
    }
}
