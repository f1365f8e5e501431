package io.milvusingest.extract;

import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
        List<Element> elements;
        int pages;
        try (InputStream in = Files.newInputStream(document.path()); XWPFDocument docx = new XWPFDocument(in)) {
            DocxWalker walker = new DocxWalker(docx, options, imageFilter);
            elements = walker.walk();
            pages = walker.pages();
        } catch (ImageTooLarge e) {
            // as for a PDF image over the cap: the whole document fails, naming the page of the image
            throw ExtractFailures.failure(ErrorKind.TOO_LARGE, document, e.page(), e.getMessage(), null);
        } catch (EncryptedDocumentException e) {
            throw ExtractFailures.failure(ErrorKind.ENCRYPTED, document, null,
                    "password-protected DOCX: " + ExtractFailures.describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot parse DOCX: " + ExtractFailures.describe(e), e);
        }
        return OfficeResults.nonEmpty(document, "DOCX", elements, pages);
    }

    /** Shared end of the Office extractors. */
    static final class OfficeResults {
        private OfficeResults() {
        }

        static Extraction nonEmpty(SourceDocument document, String format, List<Element> elements, int pages) {
            if (elements.isEmpty()) {
                throw ExtractFailures.failure(ErrorKind.EMPTY, document, "no text, table or image in the " + format);
            }
            return new Extraction(List.copyOf(elements), pages);
        }
    }
}
