package io.milvusingest.extract;

import io.milvusingest.ingest.ErrorKind;
import io.milvusingest.ingest.IngestException;
import io.milvusingest.ingest.SourceDocument;
import io.milvusingest.ingest.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExtractorsTest {

    private final Extractors extractors = new Extractors();

    @TempDir
    Path tmp;

    @Test
    void should_list_the_supported_extensions() {
        assertThat(extractors.supportedExtensions()).containsExactly("pdf", "txt", "md", "html", "htm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nv-ingest/test.txt", "nv-ingest/test.md", "nv-ingest/test.html",
            "nv-ingest/multimodal_test.pdf"})
    void should_dispatch_each_supported_type_to_its_extractor(String file) {
        Extraction extraction = extractors.extract(Corpus.document(file));

        assertThat(extraction.elements()).isNotEmpty().allSatisfy(e -> assertThat(e.text()).isNotBlank());
        assertThat(extraction.pages()).isEqualTo(file.endsWith(".pdf") ? 3 : 0);
    }

    @Test
    void should_dispatch_by_extension_case_insensitively() throws IOException {
        Path upper = Files.copy(Corpus.file("nv-ingest/test.txt"), tmp.resolve("README.TXT"));

        assertThat(extractors.extract(SourceDocument.ofFile(upper)).elements()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.pdf", "empty.txt", "empty.md", "empty.html", "empty.htm"})
    void should_mark_a_zero_byte_file_as_EMPTY_before_parsing(String name) throws IOException {
        Path empty = Files.createFile(tmp.resolve(name));

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> extractors.extract(SourceDocument.ofFile(empty)));

        assertThat(e.kind()).isEqualTo(ErrorKind.EMPTY);
        assertThat(e.stage()).isEqualTo(Stage.EXTRACT);
        assertThat(e.getMessage()).isEqualTo("zero-byte file");
    }

    @Test
    void should_mark_an_unknown_extension_as_UNSUPPORTED() throws IOException {
        Path xyz = Files.copy(Corpus.file("nv-ingest/test.txt"), tmp.resolve("notes.xyz"));

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> extractors.extract(SourceDocument.ofFile(xyz)));

        assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
        assertThat(e.getMessage()).isEqualTo("unsupported file type '.xyz'; supported: pdf, txt, md, html, htm");
    }

    @Test
    void should_mark_a_file_without_extension_as_UNSUPPORTED() throws IOException {
        Path bare = Files.copy(Corpus.file("nv-ingest/test.txt"), tmp.resolve("Makefile"));

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> extractors.extract(SourceDocument.ofFile(bare)));

        assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
        assertThat(e.getMessage()).startsWith("unsupported file type (no extension); supported: pdf");
    }

    @Test
    void should_pass_the_configured_passwords_to_the_pdf_extractor() {
        Extractors withPassword = new Extractors(List.of("623"));

        Extraction extraction = withPassword.extract(Corpus.document("bad/qpdf-encrypted-40-bit-R3.pdf"));

        assertThat(extraction.elements()).isNotEmpty();
    }
}
