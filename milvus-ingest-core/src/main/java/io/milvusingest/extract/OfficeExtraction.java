package io.milvusingest.extract;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLDocument;

/**
 * The shared frame of the Office (OOXML) extractors: opens the file with Apache POI, walks it, and classifies
 * what POI throws the same way for every format.
 */
final class OfficeExtraction {

    /** Opens a POI document from the file's bytes (e.g. {@code XWPFDocument::new}). */
    @FunctionalInterface
    interface Opener<D extends POIXMLDocument> {
        D open(InputStream in) throws IOException;
    }

    /** Reads the opened document's elements and page count. */
    @FunctionalInterface
    interface Walker<D extends POIXMLDocument> {
        Extraction walk(D document) throws IOException;
    }

    private OfficeExtraction() {
    }

    /**
     * @param format the format named in messages, e.g. {@code DOCX}
     * @return the walker's elements (copied) and pages
     * @throws IngestException TOO_LARGE, with the page, when an embedded picture's header declares more than
     *                         {@code extract.max-image-pixels} pixels; ENCRYPTED for a password-protected file;
     *                         CORRUPT when POI cannot read it; EMPTY when no element is found
     */
    static <D extends POIXMLDocument> Extraction extract(SourceDocument document, String format, Opener<D> opener,
                                                         Walker<D> walker) {
        Extraction found;
        try (InputStream in = Files.newInputStream(document.path()); D office = opener.open(in)) {
            found = walker.walk(office);
        } catch (ImageTooLarge e) {
            // as for a PDF image over the cap: the whole document fails, naming the page of the image
            throw ExtractFailures.failure(ErrorKind.TOO_LARGE, document, e.page(), e.getMessage(), null);
        } catch (EncryptedDocumentException e) {
            throw ExtractFailures.failure(ErrorKind.ENCRYPTED, document, null,
                    "password-protected " + format + ": " + ExtractFailures.describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot parse " + format + ": " + ExtractFailures.describe(e), e);
        }
        if (found.elements().isEmpty()) {
            throw ExtractFailures.failure(ErrorKind.EMPTY, document, "no text, table or image in the " + format);
        }
        return new Extraction(List.copyOf(found.elements()), found.pages());
    }
}
