package io.milvusingest.extract;

import io.milvusingest.model.Box;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.ImageData;
import io.milvusingest.model.PageSize;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The image XObjects a PDF page draws (also inside form XObjects), as PNG {@link ContentType#IMAGE} elements with
 * the box they are drawn in (points, top-left origin, from the current transformation matrix). Images the
 * {@link ImageFilter} rejects by pixel size are skipped before decoding. Inline images ({@code BI ... EI}) are
 * not extracted. One instance per page.
 */
final class PdfImages extends PDFStreamEngine {
    private final ImageFilter filter;
    private final List<Element> images = new ArrayList<>();
    private int pageNumber;
    private PDRectangle mediaBox;
    private PageSize pageSize;

    PdfImages(ImageFilter filter) {
        this.filter = filter;
        addOperator(new Concatenate(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new SetMatrix(this));
    }

    /** @return the kept images of {@code page} (1-based {@code pageNumber}), in drawing order */
    List<Element> find(PDPage page, int pageNumber, PageSize pageSize) throws IOException {
        this.pageNumber = pageNumber;
        this.mediaBox = page.getMediaBox();
        this.pageSize = pageSize;
        images.clear();
        processPage(page);
        return List.copyOf(images);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (!"Do".equals(operator.getName()) || operands.isEmpty() || !(operands.get(0) instanceof COSName name)) {
            super.processOperator(operator, operands);
            return;
        }
        PDXObject xobject = getResources().getXObject(name);
        if (xobject instanceof PDFormXObject form) {
            showForm(form);
        } else if (xobject instanceof PDImageXObject image && filter.overPixelCap(image.getWidth(), image.getHeight())) {
            throw new ImageTooLarge(image.getWidth(), image.getHeight(), filter.maxPixels());
        } else if (xobject instanceof PDImageXObject image && filter.accepts(image.getWidth(), image.getHeight())) {
            byte[] png = Images.png(image.getImage());
            images.add(new Element(ContentType.IMAGE, "", pageNumber, box(), pageSize,
                    new ImageData(png, "png", image.getWidth(), image.getHeight())));
        }
    }

    /** The unit square under the current transformation matrix, in top-left page coordinates. */
    private Box box() {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int[] corner : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
            Point2D.Float p = ctm.transformPoint(corner[0], corner[1]);
            double x = p.x - mediaBox.getLowerLeftX();
            double y = mediaBox.getUpperRightY() - p.y;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new Box(minX, minY, maxX, maxY);
    }
}
