package io.milvusingest.model;


/**
 * The pixels of an image element, encoded.
 *
 * @param bytes  the encoded image (never modified after construction; do not mutate)
 * @param format file extension of the encoding, lower-case: {@code png}, {@code jpeg}, {@code gif}, ...
 * @param width  width in pixels
 * @param height height in pixels
 */
public record ImageData(byte[] bytes, String format, int width, int height) {

    @Override
    public String toString() { // not the bytes
        return "ImageData[" + format + ", " + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
