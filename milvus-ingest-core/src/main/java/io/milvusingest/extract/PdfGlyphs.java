package io.milvusingest.extract;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The glyphs of one PDF page with their positions (points, top-left origin), to read the text of a table cell: a
 * glyph belongs to the cell that holds its centre. Tabula's own cell text drops glyphs that straddle a cell edge
 * (on multimodal_test.pdf, the "W" of "White" in shaded rows), which centre assignment keeps.
 */
final class PdfGlyphs {
    private final List<TextPosition> glyphs;

    private PdfGlyphs(List<TextPosition> glyphs) {
        this.glyphs = glyphs;
    }

    /** @return the glyphs of the 1-based {@code page} */
    static PdfGlyphs of(PDDocument pdf, int page) throws IOException {
        List<TextPosition> found = new ArrayList<>();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                found.add(text);
            }
        };
        collector.setStartPage(page);
        collector.setEndPage(page);
        collector.writeText(pdf, new StringWriter());
        return new PdfGlyphs(found);
    }

    /**
     * @return the text of the glyphs centred in the box, in reading order (lines top to bottom, left to right),
     *     words separated by one space: at a space glyph, a line change, or a gap wider than a fifth of the font size
     */
    String text(double left, double top, double right, double bottom) {
        List<TextPosition> in = new ArrayList<>();
        for (TextPosition g : glyphs) {
            double cx = g.getXDirAdj() + g.getWidthDirAdj() / 2;
            double cy = g.getYDirAdj() - g.getHeightDir() / 2;
            if (cx >= left && cx < right && cy >= top && cy < bottom) {
                in.add(g);
            }
        }
        in.sort(Comparator.comparingDouble((TextPosition g) -> Math.round(g.getYDirAdj() / 2.0))
                .thenComparingDouble(TextPosition::getXDirAdj));
        StringBuilder out = new StringBuilder();
        TextPosition previous = null;
        for (TextPosition g : in) {
            if (previous != null) {
                boolean newLine = Math.abs(g.getYDirAdj() - previous.getYDirAdj()) > previous.getHeightDir() / 2;
                double gap = g.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
                if (newLine || gap > previous.getFontSizeInPt() / 5) {
                    out.append(' ');
                }
            }
            out.append(g.getUnicode());
            previous = g;
        }
        return MarkdownTable.plain(out.toString());
    }
}
