package io.milvusingest.extract;

import io.milvusingest.model.SourceDocument;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test corpus: real documents checked out beside the project ({@code ../shared/corpus}), never
 * copied into the repository. A missing file or folder fails the test that needs it, never skips it: a test run
 * without the corpus must not pass.
 */
public final class Corpus {
    public static final Path ROOT = Path.of("..", "shared", "corpus");

    private Corpus() {
    }

    /** @throws IllegalStateException when {@code ROOT/relative} is not a regular file */
    public static Path file(String relative) {
        Path file = ROOT.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw missing("file", file);
        }
        return file;
    }

    /** @throws IllegalStateException when {@code ROOT/relative} is not a folder */
    public static Path dir(String relative) {
        Path dir = ROOT.resolve(relative);
        if (!Files.isDirectory(dir)) {
            throw missing("folder", dir);
        }
        return dir;
    }

    public static SourceDocument document(String relative) {
        return SourceDocument.ofFile(file(relative));
    }

    private static IllegalStateException missing(String what, Path path) {
        return new IllegalStateException("missing corpus " + what + " " + path.toAbsolutePath().normalize()
                + " (the corpus must be checked out beside the project as ../shared)");
    }
}
