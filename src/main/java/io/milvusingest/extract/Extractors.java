package io.milvusingest.extract;

import io.milvusingest.ingest.ErrorKind;
import io.milvusingest.ingest.IngestException;
import io.milvusingest.ingest.SourceDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extractor registry: dispatches a document by its file extension (case-insensitive) to the PDF, text or
 * HTML extractor. Stateless and thread-safe.
 */
public final class Extractors implements Extractor {

    private final Map<String, Extractor> byExtension = new LinkedHashMap<>();

    /** A registry whose PDF extractor opens only unencrypted PDFs and PDFs with an empty user password. */
    public Extractors() {
        this(List.of());
    }

    /**
     * @param pdfPasswords user passwords tried in turn on encrypted PDFs, after the empty one
     */
    public Extractors(List<String> pdfPasswords) {
        Extractor text = new TextExtractor();
        Extractor html = new HtmlExtractor();
        byExtension.put("pdf", new PdfExtractor(pdfPasswords));
        byExtension.put("txt", text);
        byExtension.put("md", text);
        byExtension.put("html", html);
        byExtension.put("htm", html);
    }

    /** @return the handled extensions, lower-case without the dot, in a stable order: pdf, txt, md, html, htm */
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
        return extractor.extract(document);
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
