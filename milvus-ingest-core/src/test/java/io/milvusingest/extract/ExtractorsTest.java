package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
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
        assertThat(extractors.supportedExtensions()).containsExactly("pdf", "docx", "pptx", "txt", "md", "markdown", "html", "htm",
                "png", "jpg", "jpeg", "tif", "tiff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nv-ingest/test.txt", "nv-ingest/test.md", "nv-ingest/test.html",
            "nv-ingest/multimodal_test.pdf", "nv-ingest/multimodal_test.docx", "nv-ingest/multimodal_test.pptx"})
    void should_dispatch_each_supported_type_to_its_extractor(String file) {
        Extraction extraction = extractors.extract(Corpus.document(file));

        assertThat(extraction.elements()).isNotEmpty()
                .filteredOn(e -> e.type() != ContentType.IMAGE).allSatisfy(e -> assertThat(e.text()).isNotBlank());
        int pages = file.endsWith(".pdf") ? 3 : file.endsWith(".docx") ? 1 : file.endsWith(".pptx") ? 4 : 0;
        assertThat(extraction.pages()).isEqualTo(pages);
    }

    @Test
    void should_mark_an_image_file_as_EMPTY_naming_OCR_when_OCR_is_unavailable() {
        IngestException e = catchThrowableOfType(IngestException.class,
                () -> extractors.extract(Corpus.document("nv-ingest/multimodal_test.png")));

        assertThat(e.kind()).isEqualTo(ErrorKind.EMPTY);
        assertThat(e.getMessage()).startsWith("an image file needs OCR, which is unavailable");
    }

    @Test
    void should_keep_only_the_element_types_asked_for() {
        Extractors tablesOnly = new Extractors(List.of(), new ExtractOptions(false, true, false, TextDepth.PAGE),
                Ocr.NONE);

        Extraction extraction = tablesOnly.extract(Corpus.document("nv-ingest/multimodal_test.pdf"));

        assertThat(extraction.elements()).extracting(Element::type).containsExactly(ContentType.TABLE, ContentType.TABLE);
        assertThat(extraction.elements()).extracting(Element::pageNumber).containsExactly(1, 2);
    }

    @Test
    void should_merge_the_text_of_all_pages_into_one_page_0_element_at_document_depth() {
        Extractors byDocument = new Extractors(List.of(), new ExtractOptions(true, true, false, TextDepth.DOCUMENT),
                Ocr.NONE);

        Extraction extraction = byDocument.extract(Corpus.document("nv-ingest/multimodal_test.pdf"));

        assertThat(extraction.elements()).extracting(Element::type)
                .containsExactly(ContentType.TEXT, ContentType.TABLE, ContentType.TABLE);
        Element text = extraction.elements().get(0);
        assertThat(text.pageNumber()).isZero();
        assertThat(text.text()).startsWith("Testing Document").contains("Section One").endsWith("3 bullet points.");
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
        assertThat(e.getMessage()).isEqualTo("unsupported file type '.xyz'; supported: pdf, docx, pptx, txt, md, markdown, html, htm, png, jpg, jpeg, tif, tiff");
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
