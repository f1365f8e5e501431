package io.milvusingest.model;


/**
 * A piece of extracted content, NeMo Retriever's element: text of a page (or of the document), a table, an image
 * or a chart.
 *
 * @param type       what the element is
 * @param text       its text: page text; for tables the Markdown table; for images the OCR text or caption
 *                   (empty when there is neither: such elements are stored, not embedded). Never null.
 * @param pageNumber 1-based page (PDF page, PPTX slide, DOCX page counted from page breaks); 0 when the
 *                   format has no pages (txt, md, html) or for {@code extract.text-depth=document} text
 * @param bbox       where it sits on the page, or null when unknown (page text, DOCX content)
 * @param pageSize   size of its page, or null when unknown
 * @param image      the pixels of an image element, or null
 * @param storedUri  where the store task persisted the image or table ({@code file:///...}), or null
 */
public record Element(ContentType type, String text, int pageNumber, Box bbox, PageSize pageSize, ImageData image,
                      String storedUri) {

    /** An element without position or pixels. */
    public Element(ContentType type, String text, int pageNumber) {
        this(type, text, pageNumber, null, null, null, null);
    }

    /** An element not stored (yet). */
    public Element(ContentType type, String text, int pageNumber, Box bbox, PageSize pageSize, ImageData image) {
        this(type, text, pageNumber, bbox, pageSize, image, null);
    }

    /** @return this element with another text (OCR, caption, merged pages) */
    public Element withText(String newText) {
        return new Element(type, newText, pageNumber, bbox, pageSize, image, storedUri);
    }

    /** @return this element with the location the store task wrote it to */
    public Element withStoredUri(String uri) {
        return new Element(type, text, pageNumber, bbox, pageSize, image, uri);
    }
}
