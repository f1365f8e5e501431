package io.milvusingest.model;


/**
 * Size of a page (PDF media box, DOCX section page size, PPTX slide size), in points (1/72 inch); NeMo
 * Retriever's {@code *_location_max_dimensions}.
 *
 * @param width  page width in points
 * @param height page height in points
 */
public record PageSize(double width, double height) {

    /** @return {@code [width, height]} */
    public double[] toArray() {
        return new double[] {width, height};
    }
}
