package io.milvusingest.model;


import java.util.List;

/**
 * What an {@link Extractor} found in one document.
 *
 * @param elements elements in reading order
 * @param pages    number of pages (0 for page-less formats such as txt, md, html)
 */
public record Extraction(List<Element> elements, int pages) {
}
