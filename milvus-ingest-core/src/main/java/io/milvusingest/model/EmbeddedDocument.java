package io.milvusingest.model;


import java.util.List;

/**
 * A document ready for upload: its chunks and their dense vectors, index-aligned.
 *
 * @param source  the document
 * @param pages   number of pages (0 for page-less formats)
 * @param chunks  the chunks, {@code chunks.get(i).index() == i}
 * @param vectors one vector per chunk, {@code vectors.size() == chunks.size()}
 */
public record EmbeddedDocument(SourceDocument source, int pages, List<Chunk> chunks, List<float[]> vectors) {
    public EmbeddedDocument {
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException("chunks (" + chunks.size() + ") and vectors (" + vectors.size() + ") differ");
        }
    }
}
