package io.milvusingest.config;

/**
 * OCR settings.
 *
 * @param enabled        use Tesseract when it is installed ({@code extract.ocr})
 * @param timeoutSeconds most seconds per image or page ({@code extract.ocr.timeout-seconds})
 * @param images         also OCR embedded images ({@code extract.images.ocr})
 */
public record OcrConfig(boolean enabled, int timeoutSeconds, boolean images) {
}
