package io.milvusingest.extract;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;

/** Builds the classified {@link IngestException}s of the extract stage, so every extractor reports alike. */
final class ExtractFailures {

    private ExtractFailures() {
    }

    static IngestException failure(ErrorKind kind, SourceDocument document, Integer page, String message,
                                   Throwable cause) {
        return IngestException.of(kind, Stage.EXTRACT, message)
                .source(document.sourceId()).page(page).cause(cause).build();
    }

    static IngestException failure(ErrorKind kind, SourceDocument document, String message) {
        return failure(kind, document, null, message, null);
    }

    /** A parser's message, or the exception type when it has none (some PDFBox exceptions carry no text). */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
