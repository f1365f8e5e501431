package io.milvusingest.extract;

import java.time.Duration;

/**
 * Guards against hostile or pathological input, each hit giving a classified failure instead of a hang or
 * an out-of-memory error.
 *
 * @param maxBytes largest file accepted, in bytes ({@code ingest.max-bytes}); larger ones fail TOO_LARGE
 *                 before any parsing
 * @param maxPages most pages accepted per document ({@code ingest.max-pages}); more fail TOO_LARGE
 * @param timeout  wall-clock budget for extracting one document ({@code extract.timeout-ms}); over it the
 *                 document fails TIMEOUT (an xref loop or decompression bomb cannot hang the route)
 * @param maxImagePixels largest image decoded, width x height in pixels ({@code extract.max-image-pixels}):
 *                 an image file, or a PDF, DOCX or PPTX embedded image, over it fails its document TOO_LARGE
 *                 before decoding
 */
public record ExtractLimits(long maxBytes, int maxPages, Duration timeout, long maxImagePixels) {
    /**
     * 256 MiB, 10,000 pages, 5 minutes: far above real manuals (the 12 PDFs of the small Debian corpus, 1,003
     * pages, extract in 10 s in all), and a bound on how long one bad file can hold the route.
     */
    public static final ExtractLimits DEFAULTS = new ExtractLimits(256L << 20, 10_000, Duration.ofMinutes(5),
            ImageFilter.DEFAULT_MAX_PIXELS);

    /** The same limits with the default image pixel cap. */
    public ExtractLimits(long maxBytes, int maxPages, Duration timeout) {
        this(maxBytes, maxPages, timeout, ImageFilter.DEFAULT_MAX_PIXELS);
    }

    public ExtractLimits {
        if (maxBytes < 1 || maxPages < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, " + maxPages
                    + " pages, " + timeout);
        }
    }
}
