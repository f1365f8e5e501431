package io.milvusingest.extract;

import io.milvusingest.model.ImageData;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Decoding and PNG encoding with the JDK's ImageIO (PNG, JPEG, GIF, BMP, TIFF, WBMP). */
final class Images {

    private Images() {
    }

    /** @return the decoded image, or null when ImageIO has no reader for the bytes (EMF, WMF, SVG...) */
    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** @return the image encoded as PNG */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Checks the image's declared size (its header) against the filter before decoding it: over the pixel cap it
     * throws, as a PDF image over the cap does; rejected by size it is dropped undecoded.
     *
     * @param bytes  an encoded image as found in a document
     * @param format its extension (png, jpeg, ...)
     * @param page   1-based page or slide the image is on
     * @return the image with its pixel size, or null when it cannot be decoded or {@code filter} rejects it
     * @throws ImageTooLarge when its header declares more than {@link ImageFilter#maxPixels()} pixels
     */
    static ImageData kept(byte[] bytes, String format, ImageFilter filter, int page) {
        ImageDimensions declared = ImageDimensions.requireWithin(bytes, filter.maxPixels(), page);
        if (declared != null && !filter.accepts(declared.width(), declared.height())) {
            return null;
        }
        BufferedImage image = decode(bytes);
        if (image == null || !filter.accepts(image.getWidth(), image.getHeight())) {
            return null;
        }
        return new ImageData(bytes, format, image.getWidth(), image.getHeight());
    }
}
