package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives embedded images without text their OCR text ({@code extract.images.ocr}), so charts and pictured tables
 * become searchable rows, our CPU stand-in for NeMo Retriever's chart and table models. An image whose OCR fails
 * keeps no text (logged); an image without text is stored but not embedded.
 */
final class ImageText {
    private static final Logger LOG = LoggerFactory.getLogger(ImageText.class);

    private ImageText() {
    }

    /** @return the elements, image elements with blank text and pixels given the OCR text */
    static List<Element> ocr(String sourceId, List<Element> elements, Ocr ocr) {
        if (!ocr.available()) {
            return elements;
        }
        List<Element> out = new ArrayList<>(elements.size());
        for (Element e : elements) {
            out.add(needsText(e) ? withOcrText(sourceId, e, ocr) : e);
        }
        return out;
    }

    private static boolean needsText(Element e) {
        return (e.type() == ContentType.IMAGE || e.type() == ContentType.CHART) && e.text().isBlank()
                && e.image() != null;
    }

    private static Element withOcrText(String sourceId, Element e, Ocr ocr) {
        try {
            BufferedImage image = Images.decode(e.image().bytes());
            return image == null ? e : e.withText(ocr.read(image));
        } catch (RuntimeException ex) {
            LOG.warn("{}: OCR of an image on page {} failed: {}", sourceId, e.pageNumber(),
                    ExtractFailures.describe(ex));
            return e;
        }
    }
}
