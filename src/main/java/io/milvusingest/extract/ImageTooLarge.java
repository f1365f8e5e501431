package io.milvusingest.extract;

/** An embedded image over the pixel cap ({@link ImageFilter#maxPixels()}), found before decoding it. */
final class ImageTooLarge extends RuntimeException {
    ImageTooLarge(long width, long height, long cap) {
        super("an image of " + width + " x " + height + " pixels is over extract.max-image-pixels=" + cap);
    }
}
