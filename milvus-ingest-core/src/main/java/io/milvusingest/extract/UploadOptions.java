package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;

import java.util.List;

/**
 * Which extracted elements are embedded and written to Milvus, NeMo Retriever's {@code enable_text},
 * {@code enable_tables} and {@code enable_images} upload flags (keys {@code upload.enable-text},
 * {@code upload.enable-tables}, {@code upload.enable-images}). Charts follow the images flag: we only find
 * charts as images.
 *
 * @param text   upload {@link ContentType#TEXT} elements
 * @param tables upload {@link ContentType#TABLE} elements
 * @param images upload {@link ContentType#IMAGE} and {@link ContentType#CHART} elements
 */
public record UploadOptions(boolean text, boolean tables, boolean images) {

    /** Upload everything (the default). */
    public static final UploadOptions ALL = new UploadOptions(true, true, true);

    /** @return whether an element of this type is uploaded */
    public boolean accepts(ContentType type) {
        return switch (type) {
            case TEXT -> text;
            case TABLE -> tables;
            case IMAGE, CHART -> images;
        };
    }

    /** @return the uploaded elements, in order */
    public List<Element> filter(List<Element> elements) {
        return elements.stream().filter(e -> accepts(e.type())).toList();
    }
}
