package io.milvusingest.extract;

import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * OCR with the {@code tesseract} command (Debian packages {@code tesseract-ocr}, {@code tesseract-ocr-eng};
 * {@code bin/setup-ocr} installs them) through Apache Tika's {@link TesseractOCRParser}, English, page
 * segmentation mode 1 (automatic, with orientation detection), {@code timeoutSeconds} per image.
 */
public final class TesseractOcr implements Ocr {
    private static final Logger LOG = LoggerFactory.getLogger(TesseractOcr.class);

    private final TesseractOCRParser parser;
    private final int timeoutSeconds;

    private TesseractOcr(TesseractOCRParser parser, int timeoutSeconds) {
        this.parser = parser;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * @param enabled        {@code extract.ocr}: false switches OCR off
     * @param timeoutSeconds most seconds tesseract may spend on one image
     * @return Tesseract OCR when enabled and the {@code tesseract} command runs, else {@link Ocr#NONE} (logged)
     */
    public static Ocr detect(boolean enabled, int timeoutSeconds) {
        if (!enabled) {
            LOG.info("OCR is off (extract.ocr=false): image files and image-only PDF pages yield no text");
            return Ocr.NONE;
        }
        TesseractOCRParser parser = new TesseractOCRParser();
        try {
            if (parser.hasTesseract()) {
                parser.initialize(Map.of()); // without it, parse() skips OCR silently
                return new TesseractOcr(parser, timeoutSeconds);
            }
        } catch (TikaConfigException | RuntimeException e) {
            LOG.debug("tesseract probe failed", e);
        }
        LOG.warn("OCR is unavailable: the tesseract command was not found (install tesseract-ocr and "
                + "tesseract-ocr-eng, e.g. bin/setup-ocr); image files and image-only PDF pages yield no text");
        return Ocr.NONE;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String read(BufferedImage image) {
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setLanguage("eng");
        config.setPageSegMode("1");
        config.setTimeoutSeconds(timeoutSeconds);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, config);
        BodyContentHandler text = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, "image/png");
        // As PNG bytes: Tika 3.2.3's parse(java.awt.Image, ...) writes a blank image of the same size to tesseract.
        try (TikaInputStream png = TikaInputStream.get(Images.png(image))) {
            parser.parse(png, text, metadata, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException | TikaException e) {
            throw new UncheckedIOException(new IOException("tesseract failed: " + e.getMessage(), e));
        }
        return PdfPages.tidy(text.toString());
    }
}
