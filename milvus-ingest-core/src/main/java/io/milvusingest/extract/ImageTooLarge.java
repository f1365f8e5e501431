package io.milvusingest.extract;

/**
 * An image over the pixel cap ({@link ImageFilter#maxPixels()}, {@code extract.max-image-pixels}), found before
 * decoding it; the extractor turns it into a TOO_LARGE failure of the document.
 */
final class ImageTooLarge extends RuntimeException {
    private final Integer page;

    /** An image whose page the thrower does not know (the caller adds it). */
    ImageTooLarge(long width, long height, long cap) {
        this(width, height, cap, null);
    }

    /**
     * @param width  declared width, in pixels
     * @param height declared height, in pixels
     * @param cap    the cap, width x height in pixels
     * @param page   1-based page or slide of the image, or null (an image file, or not known here)
     */
    ImageTooLarge(long width, long height, long cap, Integer page) {
        super("an image of " + width + " x " + height + " pixels is over extract.max-image-pixels=" + cap, null,
                false, false); // a limit hit, not a bug: no stack trace to fill
        this.page = page;
    }

    /** @return the 1-based page or slide of the image, or null */
    Integer page() {
        return page;
    }
}
