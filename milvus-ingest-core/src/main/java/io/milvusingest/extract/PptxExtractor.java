package io.milvusingest.extract;

import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.PageSize;

import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;

import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts PowerPoint decks ({@code .pptx}) with Apache POI (XSLF): one page per slide, numbered from 1; per slide
 * a text element (shape texts in drawing order), tables as Markdown {@link ContentType#TABLE} elements and
 * pictures as {@link ContentType#IMAGE} elements, both with their box on the slide (points) and the slide size.
 * Speaker notes are not extracted. A picture whose header declares more than {@code extract.max-image-pixels} pixels
 * fails the deck TOO_LARGE with its slide number, as in a PDF.
 */
public final class PptxExtractor implements Extractor {
    private final ExtractOptions options;
    private final ImageFilter imageFilter;

    public PptxExtractor(ExtractOptions options, ImageFilter imageFilter) {
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
        return OfficeExtraction.extract(document, "PPTX", XMLSlideShow::new, pptx -> {
            Dimension size = pptx.getPageSize();
            PageSize pageSize = new PageSize(size.getWidth(), size.getHeight());
            List<XSLFSlide> slides = pptx.getSlides();
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < slides.size(); i++) {
                elements.addAll(new SlideWalker(i + 1, pageSize, options, imageFilter).walk(slides.get(i)));
            }
            return new Extraction(elements, slides.size());
        });
    }
}
