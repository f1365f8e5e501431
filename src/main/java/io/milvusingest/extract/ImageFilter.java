package io.milvusingest.extract;

/**
 * Which embedded images are worth keeping: NeMo Retriever's image filter, shortest side at least 128 px and
 * aspect ratio (width / height) between 0.2 and 5.0. Drops icons, bullets, rules and decorative strips.
 *
 * @param minSide        smallest accepted width and height, in pixels
 * @param minAspectRatio smallest accepted width / height
 * @param maxAspectRatio largest accepted width / height
 */
public record ImageFilter(int minSide, double minAspectRatio, double maxAspectRatio) {

    /** NeMo Retriever's defaults: min side 128 px, aspect ratio 0.2 to 5.0. */
    public static final ImageFilter NEMO = new ImageFilter(128, 0.2, 5.0);

    /** @return true when an image of {@code width} x {@code height} pixels passes */
    public boolean accepts(int width, int height) {
        if (width < minSide || height < minSide) {
            return false;
        }
        double aspect = (double) width / height;
        return aspect >= minAspectRatio && aspect <= maxAspectRatio;
    }
}
