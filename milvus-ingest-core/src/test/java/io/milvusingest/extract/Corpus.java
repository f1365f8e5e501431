package io.milvusingest.extract;

import io.milvusingest.model.SourceDocument;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test corpus: real documents checked out beside the project ({@code ../shared/corpus}), never
 * copied into the repository.
 */
final class Corpus {
    static final Path ROOT = Path.of("..", "shared", "corpus");

    private Corpus() {
    }

    static Path file(String relative) {
        Path file = ROOT.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing corpus file " + file.toAbsolutePath().normalize()
                    + " (the corpus must be checked out beside the project as ../shared)");
        }
        return file;
    }

    static SourceDocument document(String relative) {
        return SourceDocument.ofFile(file(relative));
    }
}
