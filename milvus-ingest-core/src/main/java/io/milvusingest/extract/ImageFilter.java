package io.milvusingest.extract;

/**
 * Which embedded images are worth keeping: NeMo Retriever's image filter, shortest side at least 128 px and
 * aspect ratio (width / height) between 0.2 and 5.0. Drops icons, bullets, rules and decorative strips. Also
 * the cap against image bombs: an image over {@code maxPixels} is never decoded (its document fails TOO_LARGE).
 * PDF images give their size in their dictionary; DOCX and PPTX pictures and image files in their header
 * ({@link ImageDimensions}).
 *
 * @param minSide        smallest accepted width and height, in pixels
 * @param minAspectRatio smallest accepted width / height
 * @param maxAspectRatio largest accepted width / height
 * @param maxPixels      largest width x height decoded ({@code extract.max-image-pixels})
 */
public record ImageFilter(int minSide, double minAspectRatio, double maxAspectRatio, long maxPixels) {
    /** 50 megapixels: a 600-DPI A4 scan is 35 MP; decoded as ARGB, 50 MP is 200 MB of a 1 GB heap. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** NeMo Retriever's defaults: min side 128 px, aspect ratio 0.2 to 5.0; {@link #DEFAULT_MAX_PIXELS}. */
    public static final ImageFilter NEMO = new ImageFilter(128, 0.2, 5.0);

    public ImageFilter(int minSide, double minAspectRatio, double maxAspectRatio) {
        this(minSide, minAspectRatio, maxAspectRatio, DEFAULT_MAX_PIXELS);
    }

    /** @return this filter with another pixel cap */
    public ImageFilter withMaxPixels(long cap) {
        return new ImageFilter(minSide, minAspectRatio, maxAspectRatio, cap);
    }

    /** @return true when an image of {@code width} x {@code height} pixels is over the cap */
    public boolean overPixelCap(long width, long height) {
        return width * height > maxPixels;
    }

    /** @return true when an image of {@code width} x {@code height} pixels passes */
    public boolean accepts(int width, int height) {
        if (width < minSide || height < minSide) {
            return false;
        }
        double aspect = (double) width / height;
        return aspect >= minAspectRatio && aspect <= maxAspectRatio;
    }
}
