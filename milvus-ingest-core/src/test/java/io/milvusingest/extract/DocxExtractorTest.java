package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DocxExtractorTest {
    @TempDir
    Path tmp;

    private final DocxExtractor extractor = new DocxExtractor(ExtractOptions.ALL, ImageFilter.NEMO);

    @Test
    void should_count_pages_from_explicit_page_breaks_and_put_tables_on_their_page() throws IOException {
        Path file = tmp.resolve("breaks.docx");
        try (XWPFDocument docx = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            docx.createParagraph().createRun().setText("First page.");
            var run = docx.createParagraph().createRun();
            run.addBreak(BreakType.PAGE);
            run.setText("Second page.");
            XWPFTable table = docx.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Name");
            table.getRow(0).getCell(1).setText("A | B");
            table.getRow(1).getCell(0).setText("x");
            table.getRow(1).getCell(1).setText("y");
            docx.write(out);
        }

        Extraction extraction = extractor.extract(SourceDocument.ofFile(file));

        assertThat(extraction.pages()).isEqualTo(2);
        assertThat(extraction.elements()).extracting(Element::type, Element::pageNumber).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ContentType.TEXT, 1),
                org.assertj.core.groups.Tuple.tuple(ContentType.TEXT, 2),
                org.assertj.core.groups.Tuple.tuple(ContentType.TABLE, 2));
        assertThat(extraction.elements().get(1).text()).isEqualTo("Second page.\nName A | B\nx y");
        assertThat(extraction.elements().get(2).text()).isEqualTo("| Name | A \\| B |\n| --- | --- |\n| x | y |");
    }

    @Test
    void should_keep_pictures_that_pass_NeMos_image_filter() {
        Extraction extraction = extractor.extract(Corpus.document("nv-ingest/multimodal_test.docx"));

        assertThat(extraction.elements()).filteredOn(e -> e.type() == ContentType.IMAGE)
                .extracting(e -> e.image().width() + "x" + e.image().height())
                .containsExactly("925x429", "902x365", "744x385", "379x288");
    }

    @Test
    void should_mark_a_docx_that_is_not_a_zip_as_CORRUPT() throws IOException {
        Path file = Files.writeString(tmp.resolve("oops.docx"), "not a zip");

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> extractor.extract(SourceDocument.ofFile(file)));

        assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT);
        assertThat(e.getMessage()).startsWith("cannot parse DOCX: ");
    }
}
