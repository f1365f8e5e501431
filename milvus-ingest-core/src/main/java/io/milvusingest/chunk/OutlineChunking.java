package io.milvusingest.chunk;

import io.milvusingest.model.Chunk;
import io.milvusingest.model.DocumentOutline;
import io.milvusingest.model.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * How a document's outline shapes its chunks.
 *
 * @param contextPrefix each chunk carries its document title and section heading as {@link Chunk#context()}, to be
 *                      prefixed to its embedded text ({@code embed.context-prefix})
 * @param byHeading     page text is cut where the headings starting on its page appear before it is chunked, and
 *                      each part's context is its own heading ({@code chunk.by-heading}, {@link HeadingCuts})
 */
public record OutlineChunking(boolean contextPrefix, boolean byHeading) {
    /** Neither: chunks as the chunker cuts them, without context. */
    public static final OutlineChunking OFF = new OutlineChunking(false, false);

    /**
     * @return the elements' chunks in order, indexed from 0 over the whole document, each with the heading path it
     *     falls under when the outline gives one ({@link Chunk#headingPath()}), whatever the two switches
     */
    public List<Chunk> split(TokenChunker chunker, List<Element> elements, DocumentOutline outline) {
        if (!byHeading) {
            return chunker.split(elements).stream().map(c -> {
                DocumentOutline.Heading heading = outline.inEffectOn(c.pageNumber());
                Chunk placed = heading == null ? c : c.withHeadingPath(heading.path());
                return contextPrefix ? placed.withContext(outline.context(heading)) : placed;
            }).toList();
        }
        List<Chunk> chunks = new ArrayList<>();
        for (Element element : elements) {
            for (HeadingCuts.Part part : HeadingCuts.cut(element, outline)) {
                for (Chunk c : chunker.split(List.of(part.element()))) {
                    chunks.add(new Chunk(c.text(), c.type(), c.pageNumber(), chunks.size(), c.tokenCount(), element,
                            c.tokenIds(), contextPrefix ? outline.context(part.heading()) : null,
                            part.heading() == null ? null : part.heading().path()));
                }
            }
        }
        return chunks;
    }
}
