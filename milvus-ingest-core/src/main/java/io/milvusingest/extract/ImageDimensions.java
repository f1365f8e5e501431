package io.milvusingest.extract;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * The pixel size an encoded image declares in its header (PNG IHDR, JPEG SOF, TIFF first IFD, GIF, BMP), read by
 * the JDK's ImageIO reader for the format without decoding any pixel. Decoders allocate the whole raster from
 * these numbers, so checking them first is what stops an image bomb (a few KB declaring 50,000 x 50,000 pixels)
 * from exhausting the heap.
 *
 * @param width  declared width, in pixels
 * @param height declared height, in pixels
 */
record ImageDimensions(int width, int height) {

    /** @return width x height, in pixels */
    long pixels() {
        return (long) width * height;
    }

    /**
     * @param bytes an encoded image (a whole image file, or a picture embedded in a document)
     * @return its declared size, or null when ImageIO has no reader for the format (EMF, WMF, SVG...) or the
     *     header cannot be read: then the caller's decode fails alike, as it did before this check existed
     */
    static ImageDimensions read(byte[] bytes) {
        // memory-cached: ImageIO's default stream would spool a copy of the bytes to a temp file
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            // the first reader only, as ImageIO.read uses: the size is the one the decode would see
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // forward-only, no metadata: the header alone is parsed
                return new ImageDimensions(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param bytes an encoded image
     * @param cap   largest accepted width x height, in pixels ({@code extract.max-image-pixels})
     * @param page  1-based page or slide the image is on, or null when it is the whole file
     * @return its declared size (null as in {@link #read}), when not over the cap
     * @throws ImageTooLarge when the header declares more than {@code cap} pixels
     */
    static ImageDimensions requireWithin(byte[] bytes, long cap, Integer page) {
        ImageDimensions size = read(bytes);
        if (size != null && size.pixels() > cap) {
            throw new ImageTooLarge(size.width(), size.height(), cap, page);
        }
        return size;
    }
}
