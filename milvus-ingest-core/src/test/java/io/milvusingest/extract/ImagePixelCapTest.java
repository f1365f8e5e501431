package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import com.sun.management.ThreadMXBean;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code extract.max-image-pixels} for every format: PDF images (size from the image dictionary), image files and
 * DOCX / PPTX pictures (size from the image header, {@link ImageDimensions}), all failing TOO_LARGE before decoding.
 */
class ImagePixelCapTest {
    /**
     * Declared side of the bomb: 1.6 billion pixels, 32 times the default cap, and under the 2^31 pixels past
     * which the JDK's PNG reader refuses on its own, so a decode would really allocate the raster.
     */
    private static final int BOMB_SIDE = 40_000;
    private static final ExtractOptions TEXT_AND_IMAGES = new ExtractOptions(true, false, true, TextDepth.PAGE);
    /** A complete PNG of 40,000 x 40,000 black 1-bit pixels: about 200 KB on disk, a 200 MB raster decoded. */
    private static byte[] bomb;
    /**
     * The same header over four rows of noise only (25 KB): a decoder allocates the whole raster from the header
     * before it finds the data short. Used inside DOCX and PPTX files, since POI's own zip-bomb check already
     * rejects (as CORRUPT) a package holding the complete one, whose zero rows zip compresses 1,000 to 1 again.
     */
    private static byte[] shortBomb;

    @BeforeAll
    static void buildBombs() throws IOException {
        bomb = png1Bit(BOMB_SIDE, BOMB_SIDE, null);
        shortBomb = png1Bit(BOMB_SIDE, 4, new Random(6));
    }

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

    @Test
    void should_fail_oversized_png_as_TOO_LARGE_without_decoding(@TempDir Path dir) throws Exception {
        Path png = Files.write(dir.resolve("bomb.png"), bomb);
        Extractors extractors = new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false,
                ImageFilter.DEFAULT_MAX_PIXELS);

        long allocated = allocatedBytes();
        Throwable failure = catchFailure(() -> extractors.extract(SourceDocument.ofFile(png)));
        long allocatedDuring = allocatedBytes() - allocated;

        assertThat(failure).isInstanceOfSatisfying(IngestException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
            assertThat(e.source()).isEqualTo(SourceDocument.ofFile(png).sourceId());
            assertThat(e.page()).isEqualTo(1);
            assertThat(e.getMessage()).contains("40000 x 40000")
                    .contains("extract.max-image-pixels=" + ImageFilter.DEFAULT_MAX_PIXELS);
        });
        // decoding would have allocated the 200 MB raster; reading the file and its header takes a few MB
        assertThat(allocatedDuring).isLessThan(50L << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "tif"})
    void should_fail_an_image_file_over_the_cap_as_TOO_LARGE_and_decode_it_under_the_cap(String extension,
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("scan." + extension);
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB); // 120,000 pixels
        String format = switch (extension) {
            case "jpg" -> "jpeg";
            case "tif" -> "tiff";
            default -> extension;
        };
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();

        IngestException capped = catchIngestFailure(new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false,
                100_000), file);
        assertThat(capped.kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(capped.page()).isEqualTo(1);
        assertThat(capped.getMessage()).contains("400 x 300").contains("extract.max-image-pixels=100000");

        // under the cap the file is decoded and reaches OCR, which this test has none of: EMPTY, not TOO_LARGE
        IngestException roomy = catchIngestFailure(new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false,
                120_000), file);
        assertThat(roomy.kind()).isEqualTo(ErrorKind.EMPTY);
    }

    @Test
    void should_fail_a_docx_whose_picture_is_an_image_bomb_as_TOO_LARGE_with_its_page(@TempDir Path dir)
            throws Exception {
        Path docx = docxWithPictureOnPage2(dir.resolve("bomb.docx"), shortBomb, PictureType.PNG);
        Extractors extractors = new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false,
                ImageFilter.DEFAULT_MAX_PIXELS);

        long allocated = allocatedBytes();
        IngestException e = catchIngestFailure(extractors, docx);
        long allocatedDuring = allocatedBytes() - allocated;

        assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(e.source()).isEqualTo(SourceDocument.ofFile(docx).sourceId());
        assertThat(e.page()).isEqualTo(2);
        assertThat(e.getMessage()).contains("40000 x 40000").contains("extract.max-image-pixels=");
        assertThat(allocatedDuring).isLessThan(100L << 20);
    }

    @Test
    void should_keep_a_docx_picture_under_the_cap_and_fail_it_over_the_cap(@TempDir Path dir) throws Exception {
        Path docx = docxWithPictureOnPage2(dir.resolve("chart.docx"), png(400, 400), PictureType.PNG);

        Extraction roomy = new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false, 160_000)
                .extract(SourceDocument.ofFile(docx));
        assertThat(roomy.elements()).filteredOn(el -> el.type() == ContentType.IMAGE)
                .extracting(Element::pageNumber, el -> el.image().width(), el -> el.image().height())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 400, 400));

        IngestException capped = catchIngestFailure(new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false,
                159_999), docx);
        assertThat(capped.kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(capped.page()).isEqualTo(2);
        assertThat(capped.getMessage()).contains("400 x 400").contains("extract.max-image-pixels=159999");
    }

    @Test
    void should_fail_a_pptx_whose_picture_is_an_image_bomb_as_TOO_LARGE_with_its_slide(@TempDir Path dir)
            throws Exception {
        Path pptx = pptxWithPictureOnSlide2(dir.resolve("bomb.pptx"), shortBomb);
        Extractors extractors = new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false,
                ImageFilter.DEFAULT_MAX_PIXELS);

        IngestException e = catchIngestFailure(extractors, pptx);

        assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(e.page()).isEqualTo(2);
        assertThat(e.getMessage()).contains("40000 x 40000").contains("extract.max-image-pixels=");
    }

    @Test
    void should_keep_a_pptx_picture_under_the_cap_and_fail_it_over_the_cap(@TempDir Path dir) throws Exception {
        Path pptx = pptxWithPictureOnSlide2(dir.resolve("chart.pptx"), png(400, 400));

        Extraction roomy = new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false, 160_000)
                .extract(SourceDocument.ofFile(pptx));
        assertThat(roomy.elements()).filteredOn(el -> el.type() == ContentType.IMAGE)
                .extracting(Element::pageNumber).containsExactly(2);

        IngestException capped = catchIngestFailure(new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false,
                159_999), pptx);
        assertThat(capped.kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(capped.page()).isEqualTo(2);
    }

    @Test
    void should_not_look_at_pictures_when_images_are_not_extracted(@TempDir Path dir) throws Exception {
        // as for PDFs: the cap guards the decode, and without extract.images nothing is decoded
        Path docx = docxWithPictureOnPage2(dir.resolve("bomb.docx"), shortBomb, PictureType.PNG);

        Extraction text = new Extractors(List.of(), new ExtractOptions(true, false, false, TextDepth.PAGE),
                Ocr.NONE, false, ImageFilter.DEFAULT_MAX_PIXELS).extract(SourceDocument.ofFile(docx));

        assertThat(text.elements()).extracting(Element::type).containsOnly(ContentType.TEXT);
    }

    @Test
    void should_skip_a_picture_no_image_reader_knows_as_before(@TempDir Path dir) throws Exception {
        // EMF has no ImageIO reader: its size is unknown, so it is left to the decode, which drops it
        byte[] emf = "not an image ImageIO can read".getBytes(StandardCharsets.US_ASCII);
        Path docx = docxWithPictureOnPage2(dir.resolve("drawing.docx"), emf, PictureType.EMF);

        Extraction extraction = new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false, 1)
                .extract(SourceDocument.ofFile(docx));

        assertThat(extraction.elements()).extracting(Element::type).containsOnly(ContentType.TEXT);
        assertThat(ImageDimensions.read(emf)).isNull();
    }

    @Test
    void should_fail_an_image_file_no_reader_can_read_as_CORRUPT_as_before(@TempDir Path dir) throws Exception {
        Path png = Files.writeString(dir.resolve("fake.png"), "not a PNG");

        IngestException e = catchIngestFailure(new Extractors(List.of(), TEXT_AND_IMAGES, Ocr.NONE, false, 1), png);

        assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT);
    }

    @Test
    void should_read_the_declared_size_from_the_header_of_png_jpeg_and_tiff() throws Exception {
        assertThat(ImageDimensions.read(bomb)).isEqualTo(new ImageDimensions(BOMB_SIDE, BOMB_SIDE));
        assertThat(ImageDimensions.read(shortBomb)).isEqualTo(new ImageDimensions(BOMB_SIDE, BOMB_SIDE));
        for (String format : List.of("png", "jpeg", "tiff", "gif", "bmp")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(new BufferedImage(321, 123, BufferedImage.TYPE_INT_RGB), format, out)).isTrue();
            assertThat(ImageDimensions.read(out.toByteArray())).as(format).isEqualTo(new ImageDimensions(321, 123));
        }
    }

    private static IngestException catchIngestFailure(Extractors extractors, Path file) {
        Throwable t = catchFailure(() -> extractors.extract(SourceDocument.ofFile(file)));
        assertThat(t).isInstanceOf(IngestException.class);
        return (IngestException) t;
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    /** @return bytes allocated on the heap by this thread so far */
    private static long allocatedBytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(
                Thread.currentThread().getId());
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /**
     * A PNG declaring {@code side} x {@code side} 1-bit grayscale pixels, written chunk by chunk (ImageIO would
     * need the raster in memory to write it), whose image data is the first {@code rows} rows, deflated: black
     * rows when {@code noise} is null (zero rows compress about 1,000 to 1), else random ones.
     */
    private static byte[] png1Bit(int side, int rows, Random noise) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        // IHDR: width, height, bit depth 1, colour type 0 (grayscale), deflate, adaptive filtering, no interlace
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (side + 7) / 8]; // filter type 0, then the packed pixels, all zero
        try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            for (int y = 0; y < rows; y++) {
                if (noise != null) {
                    noise.nextBytes(row);
                    row[0] = 0; // filter type None
                }
                z.write(row);
            }
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static Path docxWithPictureOnPage2(Path file, byte[] picture, PictureType type) throws Exception {
        try (XWPFDocument docx = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            docx.createParagraph().createRun().setText("Page one.");
            XWPFRun run = docx.createParagraph().createRun();
            run.addBreak(BreakType.PAGE);
            run.setText("Page two, with a picture.");
            // the size in EMU is only the drawing's frame; POI does not look at the picture's pixels
            run.addPicture(new ByteArrayInputStream(picture), type, "picture",
                    914_400, 914_400);
            docx.write(out);
        }
        return file;
    }

    private static Path pptxWithPictureOnSlide2(Path file, byte[] picture) throws Exception {
        try (XMLSlideShow pptx = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            pptx.createSlide().createTextBox().setText("Slide one.");
            var slide = pptx.createSlide();
            slide.createTextBox().setText("Slide two, with a picture.");
            // createPicture sizes the frame by decoding the picture (POI's ImageHeaderBitmap calls ImageIO.read),
            // so the frame is made for a small picture whose bytes are then replaced
            XSLFPictureData data = pptx.addPicture(png(16, 16), PictureData.PictureType.PNG);
            XSLFPictureShape shape = slide.createPicture(data);
            shape.setAnchor(new java.awt.Rectangle(72, 72, 200, 200));
            data.getPackagePart().clear(); // else POI appends the new bytes to the old ones
            data.setData(picture);
            pptx.write(out);
        }
        return file;
    }
}
