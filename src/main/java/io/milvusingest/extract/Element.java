package io.milvusingest.extract;

/**
 * A piece of extracted content.
 *
 * @param type       what the element is
 * @param text       its text (for tables: Markdown); never null, may be blank only transiently
 * @param pageNumber 1-based page number; 0 when the format has no pages (txt, md, html)
 */
public record Element(ContentType type, String text, int pageNumber) {
}
