package io.milvusingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.model.DocumentOutline;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;

class PdfOutlineTest {

    private static PDOutlineItem bookmark(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(page);
        item.setDestination(dest);
        return item;
    }

    @Test
    void eachPageGetsTheTitleAndThePathOfTheLastHeadingStartingOnOrBeforeIt() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            for (int i = 0; i < 5; i++) {
                pdf.addPage(new PDPage());
            }
            pdf.getDocumentInformation().setTitle("Garden Guide");
            PDDocumentOutline outline = new PDDocumentOutline();
            pdf.getDocumentCatalog().setDocumentOutline(outline);
            PDOutlineItem soil = bookmark("1  Soil", pdf.getPage(1));
            soil.addLast(bookmark("1.1 Compost", pdf.getPage(2)));
            soil.addLast(bookmark("1.2 Mulch", pdf.getPage(2))); // two on one page: the later one wins
            outline.addLast(soil);
            outline.addLast(bookmark("2 Trees", pdf.getPage(4)));

            DocumentOutline read = PdfOutline.read(pdf, "/d/garden.pdf");

            assertThat(read.context(1)).isEqualTo("Garden Guide"); // before the first heading
            assertThat(read.context(2)).isEqualTo("Garden Guide > 1 Soil");
            assertThat(read.context(3)).isEqualTo("Garden Guide > 1 Soil > 1.2 Mulch");
            assertThat(read.context(4)).isEqualTo("Garden Guide > 1 Soil > 1.2 Mulch");
            assertThat(read.context(5)).isEqualTo("Garden Guide > 2 Trees");
            assertThat(read.startingOn(3)).extracting(DocumentOutline.Heading::title)
                    .containsExactly("1.1 Compost", "1.2 Mulch");
        }
    }

    @Test
    void aPdfWithoutTitleOrOutlineHasNoContext() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            assertThat(PdfOutline.read(pdf, "/d/plain.pdf").context(1)).isNull();
        }
    }

    @Test
    void contextIsCutToItsLimitAndPagelessContentGetsTheTitleOnly() {
        DocumentOutline outline = DocumentOutline.ofPaths("T", java.util.Map.of(1, "x".repeat(500)));
        assertThat(outline.context(3)).hasSize(DocumentOutline.MAX_CONTEXT_CHARS).startsWith("T > xxx");
        assertThat(outline.context(0)).isEqualTo("T");
        assertThat(DocumentOutline.NONE.context(1)).isNull();
    }
}
