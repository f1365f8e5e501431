package io.milvusingest.extract;

import io.milvusingest.model.Box;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.ImageData;
import io.milvusingest.model.PageSize;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts image files ({@code .png}, {@code .jpg}, {@code .jpeg}, {@code .tif}, {@code .tiff}; decoded by the
 * JDK's ImageIO, first TIFF page only) as page 1: a {@link ContentType#TEXT} element with the OCR text, and, with
 * {@code extract.images}, the image itself as an {@link ContentType#IMAGE} element (not filtered by size: the
 * file was chosen). A file whose header declares more than {@code extract.max-image-pixels} pixels fails TOO_LARGE
 * before it is decoded or handed to OCR.
 */
public final class ImageFileExtractor implements Extractor {
    private final ExtractOptions options;
    private final Ocr ocr;
    private final long maxPixels;

    /** With the default pixel cap, {@link ImageFilter#DEFAULT_MAX_PIXELS}. */
    public ImageFileExtractor(ExtractOptions options, Ocr ocr) {
        this(options, ocr, ImageFilter.DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels largest width x height decoded, in pixels ({@code extract.max-image-pixels}) */
    public ImageFileExtractor(ExtractOptions options, Ocr ocr, long maxPixels) {
        this.options = options;
        this.ocr = ocr;
        this.maxPixels = maxPixels;
    }

    /**
     * @throws IngestException TOO_LARGE (page 1) when the header declares more than {@code maxPixels} pixels;
     *                         CORRUPT when the image cannot be decoded; EMPTY when OCR is unavailable or finds no
     *                         text and images are not extracted
     */
    @Override
    public Extraction extract(SourceDocument document) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(document.path());
        } catch (IOException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot read file: " + ExtractFailures.describe(e), e);
        }
        try {
            ImageDimensions.requireWithin(bytes, maxPixels, 1);
        } catch (ImageTooLarge e) {
            throw ExtractFailures.failure(ErrorKind.TOO_LARGE, document, e.page(), e.getMessage(), null);
        }
        BufferedImage image = Images.decode(bytes);
        if (image == null) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, "cannot decode the image");
        }
        List<Element> elements = new ArrayList<>();
        String text = options.text() ? ocrText(document, image) : "";
        PageSize size = new PageSize(image.getWidth(), image.getHeight());
        if (!text.isEmpty()) {
            elements.add(new Element(ContentType.TEXT, text, 1, null, size, null));
        }
        if (options.images()) {
            String format = document.extension().equals("jpg") ? "jpeg" : document.extension();
            elements.add(new Element(ContentType.IMAGE, "", 1, new Box(0, 0, image.getWidth(), image.getHeight()),
                    size, new ImageData(bytes, format, image.getWidth(), image.getHeight())));
        }
        if (elements.isEmpty() || text.isEmpty() && !ocr.available()) {
            throw ExtractFailures.failure(ErrorKind.EMPTY, document, ocr.available() ? "OCR found no text in the image"
                    : "an image file needs OCR, which is unavailable (install tesseract-ocr or set extract.ocr=true)");
        }
        return new Extraction(elements, 1);
    }

    private String ocrText(SourceDocument document, BufferedImage image) {
        try {
            return ocr.read(image);
        } catch (RuntimeException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, 1, "OCR failed: " + ExtractFailures.describe(e), e);
        }
    }
}
