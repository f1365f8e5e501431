package io.milvusingest.extract;

import io.milvusingest.model.Element;
import io.milvusingest.model.PageSize;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.SourceDocument;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PDF page holds beyond its text layer: OCR text of image-only pages, ruled tables ({@link PdfTables}) and
 * images ({@link PdfImages}). Each part that fails is logged and skipped, so it never costs the page's text.
 * One instance per document and thread.
 */
final class PdfExtras {
    private static final Logger LOG = LoggerFactory.getLogger(PdfExtras.class);
    /** Rendering resolution for OCR: Tesseract's recommended 300 DPI. */
    static final float OCR_DPI = 300;
    /** Longest rendered side for OCR, in pixels (an A0 poster at 300 DPI would need 14000). */
    static final int OCR_MAX_SIDE_PX = 6000;

    private final SourceDocument document;
    private final PDDocument pdf;
    private final ExtractOptions options;
    private final Ocr ocr;
    private final PdfTables tables;
    private final PdfImages images;
    private PDFRenderer renderer;

    PdfExtras(SourceDocument document, PDDocument pdf, ExtractOptions options, ImageFilter filter, Ocr ocr) {
        this.document = document;
        this.pdf = pdf;
        this.options = options;
        this.ocr = ocr;
        this.tables = options.tables() ? new PdfTables(pdf) : null;
        this.images = options.images() ? new PdfImages(filter) : null;
    }

    /** Text only: no OCR, tables or images (what {@link PdfPages} did before). */
    static PdfExtras none(SourceDocument document, PDDocument pdf) {
        return new PdfExtras(document, pdf, new ExtractOptions(true, false, false, TextDepth.PAGE), null, Ocr.NONE);
    }

    /** @return whether OCR can run */
    boolean ocrAvailable() {
        return ocr.available();
    }

    /** @return OCR text of the 1-based page rendered at {@link #OCR_DPI}, or "" when OCR is off or fails */
    String ocrText(int page) {
        if (!ocr.available() || !options.text()) {
            return "";
        }
        try {
            PDRectangle box = pdf.getPage(page - 1).getCropBox();
            float longest = Math.max(box.getWidth(), box.getHeight()) / 72f;
            float dpi = Math.min(OCR_DPI, OCR_MAX_SIDE_PX / Math.max(longest, 1f));
            if (renderer == null) {
                renderer = new PDFRenderer(pdf);
            }
            BufferedImage image = renderer.renderImageWithDPI(page - 1, dpi, ImageType.GRAY);
            return ocr.read(image);
        } catch (Exception | StackOverflowError e) {
            LOG.warn("{}: OCR of page {} failed: {}", document.sourceId(), page, ExtractFailures.describe(e));
            return "";
        }
    }

    /** @return tables then images of the 1-based page, as enabled by the options */
    List<Element> tablesAndImages(int page) {
        List<Element> found = new ArrayList<>();
        if (tables == null && images == null) {
            return found;
        }
        PDPage pdPage = pdf.getPage(page - 1);
        PageSize size = new PageSize(pdPage.getMediaBox().getWidth(), pdPage.getMediaBox().getHeight());
        if (tables != null) {
            try {
                found.addAll(tables.find(page, size));
            } catch (Exception | StackOverflowError e) {
                LOG.warn("{}: table detection failed on page {}: {}", document.sourceId(), page,
                        ExtractFailures.describe(e));
            }
        }
        if (images != null) {
            try {
                found.addAll(images.find(pdPage, page, size));
            } catch (ImageTooLarge e) {
                throw ExtractFailures.failure(ErrorKind.TOO_LARGE, document, page, e.getMessage(), null);
            } catch (Exception | StackOverflowError e) {
                LOG.warn("{}: image extraction failed on page {}: {}", document.sourceId(), page,
                        ExtractFailures.describe(e));
            }
        }
        return found;
    }
}
