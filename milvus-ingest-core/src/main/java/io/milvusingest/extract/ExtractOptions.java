package io.milvusingest.extract;

/**
 * What extraction yields, NeMo Retriever's {@code extract_text}, {@code extract_tables}, {@code extract_images}
 * and {@code text_depth} (keys {@code extract.text}, {@code extract.tables}, {@code extract.images},
 * {@code extract.text-depth}).
 *
 * @param text      extract text elements
 * @param tables    extract tables as Markdown {@link ContentType#TABLE} elements (PDF: ruled tables only)
 * @param images    extract embedded images (PDF, DOCX, PPTX) as {@link ContentType#IMAGE} elements
 * @param textDepth one text element per page, or one per document
 */
public record ExtractOptions(boolean text, boolean tables, boolean images, TextDepth textDepth) {

    /** Everything, text per page: NeMo Retriever's defaults for PDF extraction. */
    public static final ExtractOptions ALL = new ExtractOptions(true, true, true, TextDepth.PAGE);
}
