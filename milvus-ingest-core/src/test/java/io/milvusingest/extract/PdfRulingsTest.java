package io.milvusingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfRulingsTest {

    @Test
    void should_pass_a_page_ruled_as_a_two_by_two_grid_to_table_detection() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
                for (int i = 0; i < 3; i++) { // 3 horizontal and 3 vertical lines: 2 x 2 cells
                    s.moveTo(100, 500 + 40 * i);
                    s.lineTo(300, 500 + 40 * i);
                    s.moveTo(100 + 100 * i, 500);
                    s.lineTo(100 + 100 * i, 580);
                }
                s.stroke();
            }
            assertThat(PdfRulings.mayHoldTable(page)).isTrue();
        }
    }

    @Test
    void should_skip_a_page_of_text_in_a_single_frame() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
                s.addRect(90, 480, 400, 120); // a framed box: 2 horizontal, 2 vertical edges, no grid
                s.stroke();
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(100, 550);
                s.showText("Just a paragraph of text | with | pipes, no table.");
                s.endText();
            }
            assertThat(PdfRulings.mayHoldTable(page)).isFalse();
        }
    }

    @Test
    void should_keep_every_table_of_the_golden_documents() throws IOException {
        // multimodal_test.pdf has ruled tables on pages 1 and 2 (GoldenExtractionTest checks their content)
        try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(Corpus.ROOT.resolve("nv-ingest").resolve("multimodal_test.pdf").toFile())) {
            assertThat(PdfRulings.mayHoldTable(pdf.getPage(0))).isTrue();
            assertThat(PdfRulings.mayHoldTable(pdf.getPage(1))).isTrue();
        }
    }
}
