package io.milvusingest.model;


/**
 * Where an element sits on its page, in PDF points (1/72 inch) with the origin at the page's top-left corner,
 * as NeMo Retriever's {@code table_location} / {@code image_location} ({@code [x0, y0, x1, y1]}).
 *
 * @param x0 left edge
 * @param y0 top edge
 * @param x1 right edge, at least x0
 * @param y1 bottom edge, at least y0
 */
public record Box(double x0, double y0, double x1, double y1) {

    /** @return the box as NeMo's 4-element array {@code [x0, y0, x1, y1]} */
    public double[] toArray() {
        return new double[] {x0, y0, x1, y1};
    }
}
