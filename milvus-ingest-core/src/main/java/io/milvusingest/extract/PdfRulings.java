package io.milvusingest.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * A cheap pre-check before Tabula: counts the straight horizontal and vertical segments a page's content
 * stream (form XObjects included) constructs, without laying out text or decoding images.
 *
 * <p>Why: Tabula's {@code ObjectExtractor} strips each page's text on its own before its lattice algorithm looks at
 * the ruling lines, and on text-heavy PDFs that was about half of all extraction CPU (JFR samples over three Debian
 * manuals). {@link PdfTables} keeps only grids of at least 2 rows and 2 columns, which Tabula can only find
 * between at least 3 horizontal and 3 vertical rulings; Tabula builds rulings from the same straight segments
 * (and merges, never splits, them), so a page with fewer of either kind cannot yield a kept table and Tabula is
 * skipped. Counting is deliberately generous (segments are counted when constructed, painted or not; within
 * {@value #TOLERANCE} points of axis-aligned counts as aligned), so it only ever skips pages Tabula would
 * find nothing on.
 */
final class PdfRulings extends PDFGraphicsStreamEngine {
    /** Most points a segment's ends may differ across its direction and still count as horizontal or vertical. */
    static final float TOLERANCE = 2f;
    /** Fewest rulings per direction a kept table (2 x 2 cells) needs. */
    static final int MIN_PER_DIRECTION = 3;

    private int horizontal;
    private int vertical;
    private Point2D.Float current = new Point2D.Float();
    private Point2D.Float subpathStart = new Point2D.Float();

    private PdfRulings(PDPage page) {
        super(page);
    }

    /** Text operators: skipped, so fonts are neither loaded nor glyphs laid out (what makes text extraction slow). */
    private static final Set<String> TEXT_OPERATORS = Set.of("BT", "ET", "Tf", "Tj", "TJ", "'", "\"", "Td", "TD", "Tm",
            "T*", "Tc", "Tw", "Tz", "TL", "Tr", "Ts", "d0", "d1");

    /** Thrown to stop reading a page once the answer is known. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /** @return whether the page draws enough straight horizontal and vertical segments to hold a kept table */
    static boolean mayHoldTable(PDPage page) throws IOException {
        PdfRulings counter = new PdfRulings(page);
        try {
            counter.processPage(page);
        } catch (Enough e) {
            return true;
        }
        return counter.enough();
    }

    private boolean enough() {
        return horizontal >= MIN_PER_DIRECTION && vertical >= MIN_PER_DIRECTION;
    }

    private void segment(float x0, float y0, float x1, float y1) {
        if (Math.abs(y1 - y0) <= TOLERANCE) {
            horizontal++;
        }
        if (Math.abs(x1 - x0) <= TOLERANCE) {
            vertical++;
        }
        if (enough()) {
            throw new Enough();
        }
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (!TEXT_OPERATORS.contains(operator.getName())) {
            super.processOperator(operator, operands);
        }
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        Point2D[] corners = {p0, p1, p2, p3};
        for (int i = 0; i < 4; i++) {
            Point2D a = corners[i];
            Point2D b = corners[(i + 1) % 4];
            segment((float) a.getX(), (float) a.getY(), (float) b.getX(), (float) b.getY());
        }
        current = new Point2D.Float((float) p0.getX(), (float) p0.getY());
        subpathStart = current;
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
        subpathStart = current;
    }

    @Override
    public void lineTo(float x, float y) {
        segment(current.x, current.y, x, y);
        current = new Point2D.Float(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override
    public void closePath() {
        segment(current.x, current.y, subpathStart.x, subpathStart.y);
        current = subpathStart;
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void drawImage(PDImage pdImage) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
