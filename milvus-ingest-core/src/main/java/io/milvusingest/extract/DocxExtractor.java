package io.milvusingest.extract;

import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.util.List;

/**
 * Extracts Word documents ({@code .docx}) with Apache POI (XWPF): text per page, tables as Markdown
 * {@link ContentType#TABLE} elements, embedded pictures as {@link ContentType#IMAGE} elements (through the
 * {@link ImageFilter}). See {@link DocxWalker} for how pages are counted. A picture whose header declares more than
 * {@code extract.max-image-pixels} pixels fails the document TOO_LARGE, as in a PDF.
 */
public final class DocxExtractor implements Extractor {
    private final ExtractOptions options;
    private final ImageFilter imageFilter;

    public DocxExtractor(ExtractOptions options, ImageFilter imageFilter) {
        this.options = options;
        this.imageFilter = imageFilter;
    }

    /**
     * @throws IngestException ENCRYPTED for a password-protected file; CORRUPT when POI cannot read it; EMPTY when
     *                         nothing is extracted; TOO_LARGE, with the page, when an embedded picture's header
     *                         declares more than {@code extract.max-image-pixels} pixels (found before decoding)
     */
    @Override
    public Extraction extract(SourceDocument document) {
        return OfficeExtraction.extract(document, "DOCX", XWPFDocument::new, docx -> {
            DocxWalker walker = new DocxWalker(docx, options, imageFilter);
            List<Element> elements = walker.walk();
            return new Extraction(elements, walker.pages());
        });
    }
}
