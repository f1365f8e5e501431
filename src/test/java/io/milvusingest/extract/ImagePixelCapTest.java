package io.milvusingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.ingest.ErrorKind;
import io.milvusingest.ingest.IngestException;
import io.milvusingest.ingest.SourceDocument;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePixelCapTest {

    @Test
    void should_fail_a_pdf_whose_image_is_over_the_pixel_cap_as_TOO_LARGE_with_its_page(@TempDir Path dir)
            throws Exception {
        Path pdf = pdfWithImage(dir.resolve("poster.pdf"), 400, 400); // 160,000 pixels
        Extractors capped = new Extractors(List.of(), new ExtractOptions(true, false, true, TextDepth.PAGE),
                Ocr.NONE, false, 100_000);
        assertThatThrownBy(() -> capped.extract(SourceDocument.ofFile(pdf)))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
                    assertThat(e.page()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("400 x 400").contains("extract.max-image-pixels=100000");
                });

        Extractors roomy = new Extractors(List.of(), new ExtractOptions(true, false, true, TextDepth.PAGE),
                Ocr.NONE, false, 200_000);
        assertThat(roomy.extract(SourceDocument.ofFile(pdf)).elements())
                .extracting(Element::type).contains(ContentType.TEXT, ContentType.IMAGE);
    }

    private static Path pdfWithImage(Path file, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("A page with a large picture");
                content.endText();
                content.drawImage(LosslessFactory.createFromImage(doc, image), 72, 300, 200, 200);
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
