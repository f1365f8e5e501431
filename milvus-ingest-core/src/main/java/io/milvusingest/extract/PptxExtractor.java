package io.milvusingest.extract;

import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.PageSize;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;

import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
        List<Element> elements = new ArrayList<>();
        int slides;
        try (InputStream in = Files.newInputStream(document.path()); XMLSlideShow pptx = new XMLSlideShow(in)) {
            Dimension size = pptx.getPageSize();
            PageSize pageSize = new PageSize(size.getWidth(), size.getHeight());
            List<XSLFSlide> all = pptx.getSlides();
            slides = all.size();
            for (int i = 0; i < slides; i++) {
                elements.addAll(new SlideWalker(i + 1, pageSize, options, imageFilter).walk(all.get(i)));
            }
        } catch (ImageTooLarge e) {
            // as for a PDF image over the cap: the whole document fails, naming the page of the image
            throw ExtractFailures.failure(ErrorKind.TOO_LARGE, document, e.page(), e.getMessage(), null);
        } catch (EncryptedDocumentException e) {
            throw ExtractFailures.failure(ErrorKind.ENCRYPTED, document, null,
                    "password-protected PPTX: " + ExtractFailures.describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot parse PPTX: " + ExtractFailures.describe(e), e);
        }
        return DocxExtractor.OfficeResults.nonEmpty(document, "PPTX", elements, slides);
    }
}
