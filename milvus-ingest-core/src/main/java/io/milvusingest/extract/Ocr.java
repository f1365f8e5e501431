package io.milvusingest.extract;

import java.awt.image.BufferedImage;

/** Optical character recognition of one image. Implementations are thread-safe. */
public interface Ocr {

    /** OCR that is switched off or not installed: {@link #available()} is false and it reads nothing. */
    Ocr NONE = new Ocr() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String read(BufferedImage image) {
            return "";
        }
    };

    /** @return true when {@link #read} can recognize text */
    boolean available();

    /**
     * @param image the image (a rendered page or an image file), ideally at about 300 DPI
     * @return the recognized text, stripped; "" when none or when OCR is unavailable
     * @throws java.io.UncheckedIOException when the OCR engine fails on this image
     */
    String read(BufferedImage image);
}
