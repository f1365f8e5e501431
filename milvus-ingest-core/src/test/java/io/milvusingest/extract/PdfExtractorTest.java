package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;

import io.milvusingest.model.Extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PdfExtractorTest {

    /*
     * Measured with TextSimilarity (word-level Levenshtein, see there), PDFBox 3.0.8, content-stream order:
     *   multimodal_test.pdf      pages 1/2/3:     0.985 / 1.000 / 1.000 (page 1: NeMo has "TestingDocument")
     *   functional_validation.pdf pages 1..5:     1.000 each
     * Sorting by position gives the same figures here. 0.95 leaves room for a PDFBox upgrade changing word
     * breaks on a line or two, but fails on a lost paragraph or a reading-order change (a swapped 3-line block
     * on a 150-word page already costs more than 5%).
     */
    private static final double MIN_SIMILARITY_TO_NEMO = 0.95;

    private final PdfExtractor extractor = new PdfExtractor();

    @Test
    void should_match_NeMo_page_text_on_multimodal_test_pdf() throws IOException {
        assertSimilarToNeMo("multimodal_test", 3);
    }

    @Test
    void should_match_NeMo_page_text_on_functional_validation_pdf() throws IOException {
        assertSimilarToNeMo("functional_validation", 5);
    }

    @Test
    void should_extract_the_poem_from_woods_frost_pdf() {
        Extraction extraction = extractor.extract(Corpus.document("nv-ingest/woods_frost.pdf"));

        assertThat(extraction.pages()).isEqualTo(2);
        String text = extraction.elements().get(0).text();
        assertThat(extraction.elements().get(0).pageNumber()).isEqualTo(1);
        assertThat(text).startsWith("Stopping by Woods on a Snowy Evening, By Robert Frost")
                .contains("Whose woods these are I think I know.")
                .contains("The darkest evening of the year.")
                .contains("The woods are lovely, dark and deep, But I have promises to keep, And miles to go before I\n"
                        + "sleep,  And miles to go before I sleep.");
    }

    @Test
    void should_keep_columns_apart_on_a_two_column_paper() {
        Extraction extraction = extractor.extract(Corpus.document("odd/tracemonkey.pdf"));

        assertThat(extraction.pages()).isEqualTo(14);
        // Sorted by position, PDFBox would print the right column's line after "com-" on the same line.
        assertThat(extraction.elements().get(0).text())
                .contains("Dynamic languages such as JavaScript are more difficult to com-\n"
                        + "pile than statically typed ones.");
    }

    @Test
    void should_number_pages_from_one_and_trim_trailing_spaces() {
        Extraction extraction = extractor.extract(Corpus.document("nv-ingest/multimodal_test.pdf"));

        assertThat(extraction.pages()).isEqualTo(3);
        assertThat(extraction.elements()).extracting(Element::pageNumber).containsExactly(1, 2, 3);
        assertThat(extraction.elements()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(ContentType.TEXT);
            assertThat(e.text()).doesNotContain(" \n").doesNotContain("\r").isEqualTo(e.text().strip());
        });
    }

    @Test
    void should_mark_password_protected_pdf_as_ENCRYPTED() {
        SourceDocument pdf = Corpus.document("bad/qpdf-enc-R6-AES256-userpw-view.pdf");

        IngestException e = catchThrowableOfType(IngestException.class, () -> extractor.extract(pdf));

        assertThat(e.kind()).isEqualTo(ErrorKind.ENCRYPTED);
        assertThat(e.stage()).isEqualTo(Stage.EXTRACT);
        assertThat(e.source()).isEqualTo(pdf.sourceId());
        assertThat(e.getMessage()).isEqualTo("password-protected PDF: none of the 0 configured passwords opened it");
    }

    @Test
    void should_open_password_protected_pdf_with_the_configured_password_tried_after_wrong_ones() {
        PdfExtractor withPasswords = new PdfExtractor(List.of("nope", "", "view"));

        Extraction extraction = withPasswords.extract(Corpus.document("bad/qpdf-enc-R6-AES256-userpw-view.pdf"));

        assertThat(extraction.pages()).isEqualTo(30);
        assertThat(extraction.elements()).isNotEmpty();
    }

    @Test
    void should_open_pdf_with_an_empty_user_password_without_configured_passwords() {
        Extraction extraction = extractor.extract(Corpus.document("bad/qpdf-V4-aes.pdf"));

        assertThat(extraction.elements()).isNotEmpty();
    }

    @Test
    void should_mark_bytes_that_are_not_a_pdf_as_CORRUPT_with_the_parser_message() {
        SourceDocument oops = Corpus.document("bad/qpdf-bad1.pdf");

        IngestException e = catchThrowableOfType(IngestException.class, () -> extractor.extract(oops));

        assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT);
        assertThat(e.source()).isEqualTo(oops.sourceId());
        assertThat(e.getMessage()).startsWith("cannot parse PDF: ").contains("End-of-File");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }

    @Test
    void should_mark_pdf_without_text_as_EMPTY() {
        IngestException e = catchThrowableOfType(IngestException.class,
                () -> extractor.extract(Corpus.document("odd/empty.pdf")));

        assertThat(e.kind()).isEqualTo(ErrorKind.EMPTY);
        assertThat(e.getMessage()).isEqualTo("no extractable text in 1 pages (scanned? OCR is not enabled)");
    }

    @Test
    void should_skip_a_page_whose_text_extraction_fails_and_keep_the_others() {
        PdfPages.PageReader real = PdfPages.textStripper();
        PdfExtractor failingOnPage2 = new PdfExtractor(List.of(), () -> (pdf, page) -> {
            if (page == 2) {
                throw new IllegalStateException("broken font on page 2");
            }
            return real.text(pdf, page);
        });

        Extraction extraction = failingOnPage2.extract(Corpus.document("nv-ingest/multimodal_test.pdf"));

        assertThat(extraction.pages()).isEqualTo(3);
        assertThat(extraction.elements()).extracting(Element::pageNumber).containsExactly(1, 3);
    }

    @Test
    void should_mark_pdf_as_CORRUPT_with_the_page_when_text_extraction_fails_on_every_page() {
        PdfExtractor alwaysFailing = new PdfExtractor(List.of(), () -> (pdf, page) -> {
            throw new IOException("unreadable content stream");
        });

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> alwaysFailing.extract(Corpus.document("nv-ingest/multimodal_test.pdf")));

        assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT);
        assertThat(e.page()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("text extraction failed on all 3 pages, first on page 1: "
                + "unreadable content stream");
    }

    @Test
    void should_classify_runtime_exceptions_from_pdfbox_as_CORRUPT() {
        PdfExtractor exploding = new PdfExtractor(List.of(), () -> {
            throw new ArrayIndexOutOfBoundsException("fuzzed xref");
        });

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> exploding.extract(Corpus.document("nv-ingest/multimodal_test.pdf")));

        assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT);
        assertThat(e.getMessage()).isEqualTo("cannot parse PDF: fuzzed xref");
    }

    /** Our page N+1 against NeMo's text element of (0-based) page N. */
    private void assertSimilarToNeMo(String name, int expectedTextElements) throws IOException {
        JsonNode golden = new ObjectMapper().readTree(Corpus.file("nv-ingest/" + name + ".json").toFile()).get(0);
        Extraction ours = extractor.extract(Corpus.document("nv-ingest/" + name + ".pdf"));
        Map<Integer, Double> similarityByPage = new LinkedHashMap<>();
        for (JsonNode element : golden) {
            if (!"text".equals(element.path("document_type").asText())) {
                continue;
            }
            int page = element.path("metadata").path("content_metadata").path("page_number").asInt() + 1;
            String text = ours.elements().stream().filter(e -> e.pageNumber() == page).map(Element::text)
                    .findFirst().orElse("");
            similarityByPage.put(page, TextSimilarity.similarity(text, element.path("metadata").path("content")
                    .asText()));
        }
        System.out.printf("[golden] %s similarity by page: %s%n", name, similarityByPage);

        assertThat(similarityByPage).hasSize(expectedTextElements);
        assertThat(similarityByPage).allSatisfy((page, similarity) ->
                assertThat(similarity).as("page %d", page).isGreaterThanOrEqualTo(MIN_SIMILARITY_TO_NEMO));
    }
}
