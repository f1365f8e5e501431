package io.milvusingest.model;


import java.util.List;

/**
 * What an {@link Extractor} found in one document.
 *
 * @param elements elements in reading order
 * @param pages    number of pages (0 for page-less formats such as txt, md, html)
 * @param outline  the document's title and headings where the format gives them (PDF), else {@link DocumentOutline#NONE}
 */
public record Extraction(List<Element> elements, int pages, DocumentOutline outline) {

    /** An extraction without title or headings. */
    public Extraction(List<Element> elements, int pages) {
        this(elements, pages, DocumentOutline.NONE);
    }

    /** @return these pages and outline with other elements (a step that rewrites elements keeps the outline) */
    public Extraction withElements(List<Element> newElements) {
        return new Extraction(newElements, pages, outline);
    }
}
