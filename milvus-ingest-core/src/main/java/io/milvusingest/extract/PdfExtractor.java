package io.milvusingest.extract;

import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Extracts a PDF with PDFBox: one {@link ContentType#TEXT} element per page that has text, numbered from 1; with
 * {@link ExtractOptions} and an {@link Ocr}, also OCR text of image-only pages, ruled tables and images (see
 * {@link PdfExtras}). Without them (the short constructors) only the text layer: scanned pages yield nothing.
 *
 * <p>The file is read through a buffered random-access file and PDFBox's scratch data goes to temporary files,
 * so heap use does not grow with the size of the PDF.
 */
public final class PdfExtractor implements Extractor {
    private final List<String> passwords;
    private final Supplier<PdfPages.PageReader> pageReaders;
    private final ExtractOptions options;
    private final ImageFilter imageFilter;
    private final Ocr ocr;

    /** Opens only PDFs that are unencrypted or have an empty user password. */
    public PdfExtractor() {
        this(List.of());
    }

    /**
     * @param passwords user passwords tried in turn after the empty one; never logged or reported. Null and
     *                  empty entries are ignored.
     */
    public PdfExtractor(List<String> passwords) {
        this(passwords, PdfPages::textStripper);
    }

    /** @param pageReaders makes one page reader per document (readers need not be thread-safe) */
    PdfExtractor(List<String> passwords, Supplier<PdfPages.PageReader> pageReaders) {
        this(passwords, pageReaders, null, ImageFilter.NEMO, Ocr.NONE);
    }

    /**
     * @param passwords   as in {@link #PdfExtractor(List)}
     * @param options     what to extract besides the text layer (tables, images)
     * @param imageFilter which embedded images to keep
     * @param ocr         OCR for pages without a text layer ({@link Ocr#NONE} for none)
     */
    public PdfExtractor(List<String> passwords, ExtractOptions options, ImageFilter imageFilter, Ocr ocr) {
        this(passwords, PdfPages::textStripper, options, imageFilter, ocr);
    }

    private PdfExtractor(List<String> passwords, Supplier<PdfPages.PageReader> pageReaders, ExtractOptions options,
                         ImageFilter imageFilter, Ocr ocr) {
        this.passwords = passwords.stream().filter(Objects::nonNull).filter(p -> !p.isEmpty()).distinct().toList();
        this.pageReaders = pageReaders;
        this.options = options;
        this.imageFilter = imageFilter;
        this.ocr = ocr;
    }

    /**
     * @return one element per page with non-blank text; {@code pages} is the PDF's page count
     * @throws IngestException ENCRYPTED when no configured password opens it; CORRUPT when it cannot be parsed or
     *                         no page's text can be extracted; EMPTY when no page has text
     */
    @Override
    public Extraction extract(SourceDocument document) {
        try (PDDocument pdf = open(document)) {
            PdfExtras extras = options == null ? PdfExtras.none(document, pdf)
                    : new PdfExtras(document, pdf, options, imageFilter, ocr);
            return PdfPages.extract(document, pdf, pageReaders.get(), extras);
        } catch (IngestException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // Fuzzed files make PDFBox throw all sorts of runtime exceptions (and deep recursion); none may
            // escape unclassified. Closing a half-broken document can fail too, and lands here as well.
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot parse PDF: " + ExtractFailures.describe(e), e);
        }
    }

    private PDDocument open(SourceDocument document) {
        List<String> candidates = new ArrayList<>(passwords.size() + 1);
        candidates.add("");
        candidates.addAll(passwords);
        for (String password : candidates) {
            try {
                return load(document, password);
            } catch (InvalidPasswordException wrongPassword) {
                // Try the next one; the message never names the passwords.
            } catch (IOException | RuntimeException | StackOverflowError e) {
                throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                        "cannot parse PDF: " + ExtractFailures.describe(e), e);
            }
        }
        throw ExtractFailures.failure(ErrorKind.ENCRYPTED, document, "password-protected PDF: none of the "
                + passwords.size() + " configured passwords opened it");
    }

    private static PDDocument load(SourceDocument document, String password) throws IOException {
        RandomAccessRead source = new RandomAccessReadBufferedFile(document.path().toFile());
        try {
            // On success the document owns (and later closes) the source.
            return Loader.loadPDF(source, password, null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (IOException | RuntimeException | Error e) {
            IOUtils.closeQuietly(source); // Loader leaves it open when parsing fails
            throw e;
        }
    }
}
