package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the text of every page of an opened PDF, skipping pages that fail, and classifies text-less PDFs. */
final class PdfPages {
    private static final Logger LOG = LoggerFactory.getLogger(PdfPages.class);
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\\n|$)");

    /** Reads the text of one 1-based page; a seam so tests can make single pages fail. */
    @FunctionalInterface
    interface PageReader {
        String text(PDDocument pdf, int page) throws IOException;
    }

    private PdfPages() {
    }

    /** @return a reader backed by one {@link PDFTextStripper}: use it for one document on one thread */
    static PageReader textStripper() {
        PDFTextStripper stripper = new PDFTextStripper();
        // Fixed "\n" so the output is the same on every OS (the default is the platform's separator).
        stripper.setLineSeparator("\n");
        // Content-stream order, not sorted by position: on the golden files both give the same similarity to
        // NeMo (see PdfExtractorTest), but sorting by position merges the lines of side-by-side columns
        // ("... more difficult to com- applications such as Google Mail ...") on two-column papers such as
        // tracemonkey.pdf, which ruins chunks and embeddings.
        stripper.setSortByPosition(false);
        return (pdf, page) -> {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(pdf);
        };
    }

    /**
     * @return one TEXT element per page with non-blank text, and the page count
     * @throws io.milvusingest.model.IngestException CORRUPT (page 1) when every page fails; EMPTY when there are
     *                                                no pages or no page has text
     */
    static Extraction extract(SourceDocument document, PDDocument pdf, PageReader reader) {
        return extract(document, pdf, reader, PdfExtras.none(document, pdf));
    }

    /**
     * @param extras OCR for pages without a text layer, tables and images
     * @return per page: the text element (text layer, else OCR text), then tables and images; and the page count
     * @throws io.milvusingest.model.IngestException CORRUPT (page 1) when every page fails; EMPTY when there are
     *                                                no pages or no text or table (images alone)
     */
    static Extraction extract(SourceDocument document, PDDocument pdf, PageReader reader, PdfExtras extras) {
        int pages = pdf.getNumberOfPages();
        if (pages == 0) {
            throw ExtractFailures.failure(ErrorKind.EMPTY, document, "the PDF has no pages");
        }
        List<Element> elements = new ArrayList<>();
        List<Integer> failedPages = new ArrayList<>();
        Throwable firstFailure = null;
        for (int page = 1; page <= pages; page++) {
            try {
                String text = tidy(reader.text(pdf, page));
                boolean scanned = text.isEmpty() && extras.ocrAvailable();
                if (scanned) {
                    text = extras.ocrText(page); // an image-only (scanned) page
                }
                if (!text.isEmpty()) {
                    elements.add(new Element(ContentType.TEXT, text, page));
                }
                for (Element extra : extras.tablesAndImages(page)) {
                    if (!(scanned && isScanOfPage(extra))) { // the scan itself is the page, already OCR'd
                        elements.add(extra);
                    }
                }
            } catch (IngestException e) {
                throw e; // classified already (a limit hit): the document fails, not just the page
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // One broken page should not cost the rest of the document.
                LOG.warn("{}: skipping page {} of {}: text extraction failed: {}", document.sourceId(), page,
                        pages, ExtractFailures.describe(e));
                failedPages.add(page);
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (failedPages.size() == pages) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, 1, "text extraction failed on all " + pages
                    + " pages, first on page 1: " + ExtractFailures.describe(firstFailure), firstFailure);
        }
        // Images alone do not count: without text nothing can be indexed, and the message points at OCR.
        if (elements.stream().allMatch(e -> e.type() == ContentType.IMAGE)) {
            throw ExtractFailures.failure(ErrorKind.EMPTY, document, "no extractable text in " + pages
                    + (extras.ocrAvailable() ? " pages (OCR found none either)" : " pages (scanned? OCR is not enabled)")
                    + (failedPages.isEmpty() ? "" : "; text extraction failed on pages " + failedPages));
        }
        return new Extraction(List.copyOf(elements), pages, PdfOutline.read(pdf, document.sourceId()));
    }

    /** @return true for an image covering at least half its page: on an OCR'd page, the scan of the page */
    static boolean isScanOfPage(Element e) {
        if (e.type() != ContentType.IMAGE || e.bbox() == null || e.pageSize() == null) {
            return false;
        }
        double area = (e.bbox().x1() - e.bbox().x0()) * (e.bbox().y1() - e.bbox().y0());
        return area >= 0.5 * e.pageSize().width() * e.pageSize().height();
    }

    /** Drops the trailing spaces PDFBox leaves at line ends and collapses runs of blank lines. */
    static String tidy(String pageText) {
        return TRAILING_SPACE.matcher(pageText).replaceAll("").replaceAll("\n{3,}", "\n\n").strip();
    }
}
