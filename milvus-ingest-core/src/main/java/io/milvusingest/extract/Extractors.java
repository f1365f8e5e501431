package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;

import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extractor registry: dispatches a document by its file extension (case-insensitive) to the PDF, DOCX, PPTX,
 * text, HTML or image-file extractor, then applies the {@link ExtractOptions} (drops element types not asked for;
 * {@code text-depth=document} merges the text elements, see {@link #applyTextDepth}). Stateless and thread-safe.
 */
public final class Extractors implements Extractor {

    private final Map<String, Extractor> byExtension = new LinkedHashMap<>();
    private final ExtractOptions options;
    private final Ocr imageOcr;

    /**
     * A registry extracting everything but without OCR, whose PDF extractor opens only unencrypted PDFs and PDFs
     * with an empty user password.
     */
    public Extractors() {
        this(List.of());
    }

    /** @param pdfPasswords user passwords tried in turn on encrypted PDFs, after the empty one */
    public Extractors(List<String> pdfPasswords) {
        this(pdfPasswords, ExtractOptions.ALL, Ocr.NONE);
    }

    /**
     * @param pdfPasswords user passwords tried in turn on encrypted PDFs, after the empty one
     * @param options      what to extract
     * @param ocr          OCR for image files and image-only PDF pages ({@link Ocr#NONE} for none)
     */
    public Extractors(List<String> pdfPasswords, ExtractOptions options, Ocr ocr) {
        this(pdfPasswords, options, ocr, false);
    }

    /**
     * @param ocrImages {@code extract.images.ocr}: also give embedded images (PDF, DOCX, PPTX) their OCR text
     */
    public Extractors(List<String> pdfPasswords, ExtractOptions options, Ocr ocr, boolean ocrImages) {
        this(pdfPasswords, options, ocr, ocrImages, ImageFilter.DEFAULT_MAX_PIXELS);
    }

    /**
     * @param maxImagePixels {@code extract.max-image-pixels}, width x height in pixels: an image file, or an
     *                       embedded PDF, DOCX or PPTX image, over it fails its document TOO_LARGE before decoding
     */
    public Extractors(List<String> pdfPasswords, ExtractOptions options, Ocr ocr, boolean ocrImages,
                      long maxImagePixels) {
        ImageFilter filter = ImageFilter.NEMO.withMaxPixels(maxImagePixels);
        this.options = options;
        this.imageOcr = ocrImages ? ocr : Ocr.NONE;
        Extractor text = new TextExtractor();
        Extractor html = new HtmlExtractor();
        Extractor image = new ImageFileExtractor(options, ocr, maxImagePixels);
        byExtension.put("pdf", new PdfExtractor(pdfPasswords, options, filter, ocr));
        byExtension.put("docx", new DocxExtractor(options, filter));
        byExtension.put("pptx", new PptxExtractor(options, filter));
        byExtension.put("txt", text);
        byExtension.put("md", text);
        byExtension.put("markdown", text);
        byExtension.put("html", html);
        byExtension.put("htm", html);
        for (String extension : List.of("png", "jpg", "jpeg", "tif", "tiff")) {
            byExtension.put(extension, image);
        }
    }

    /**
     * @return the handled extensions, lower-case without the dot, in a stable order: pdf, docx, pptx, txt, md,
     *     markdown, html, htm, png, jpg, jpeg, tif, tiff
     */
    public List<String> supportedExtensions() {
        return List.copyOf(byExtension.keySet());
    }

    /**
     * @throws IngestException UNSUPPORTED for an unknown extension; EMPTY for a zero-byte file; otherwise what
     *                         the format's extractor throws (CORRUPT, ENCRYPTED, EMPTY)
     */
    @Override
    public Extraction extract(SourceDocument document) {
        Extractor extractor = byExtension.get(document.extension());
        if (extractor == null) {
            String type = document.extension().isEmpty() ? "(no extension)" : "'." + document.extension() + "'";
            throw ExtractFailures.failure(ErrorKind.UNSUPPORTED, document, "unsupported file type " + type
                    + "; supported: " + String.join(", ", supportedExtensions()));
        }
        // Checked before parsing so that an empty upload reads as EMPTY everywhere, not as a parser's
        // "missing header" (CORRUPT) for PDFs and as EMPTY for text.
        if (isZeroBytes(document)) {
            throw ExtractFailures.failure(ErrorKind.EMPTY, document, "zero-byte file");
        }
        Extraction extraction = extractor.extract(document);
        List<Element> kept = extraction.elements().stream().filter(e -> wanted(e.type())).toList();
        kept = ImageText.ocr(document.sourceId(), kept, imageOcr);
        return extraction.withElements(applyTextDepth(kept, options.textDepth()));
    }

    private boolean wanted(ContentType type) {
        return switch (type) {
            case TEXT -> options.text();
            case TABLE -> options.tables();
            case IMAGE, CHART -> options.images();
        };
    }

    /**
     * @return the elements unchanged for {@code page}; for {@code document}, one text element on page 0 holding
     *     every text element's text (joined by a blank line) first, then the other elements in order
     */
    static List<Element> applyTextDepth(List<Element> elements, TextDepth depth) {
        if (depth == TextDepth.PAGE) {
            return elements;
        }
        List<Element> texts = elements.stream().filter(e -> e.type() == ContentType.TEXT).toList();
        List<Element> merged = new ArrayList<>();
        if (!texts.isEmpty()) {
            merged.add(new Element(ContentType.TEXT,
                    String.join("\n\n", texts.stream().map(Element::text).toList()), 0));
        }
        elements.stream().filter(e -> e.type() != ContentType.TEXT).forEach(merged::add);
        return merged;
    }

    private static boolean isZeroBytes(SourceDocument document) {
        try {
            return Files.size(document.path()) == 0;
        } catch (IOException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot read file: " + ExtractFailures.describe(e), e);
        }
    }
}
