package io.milvusingest.extract;

import io.milvusingest.model.Box;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.ImageData;
import io.milvusingest.model.PageSize;

import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** The elements of one slide: its text, then its tables and pictures. One use per slide. */
final class SlideWalker {
    private final int page;
    private final PageSize pageSize;
    private final ExtractOptions options;
    private final ImageFilter imageFilter;
    private final StringBuilder text = new StringBuilder();
    private final List<Element> others = new ArrayList<>();

    SlideWalker(int page, PageSize pageSize, ExtractOptions options, ImageFilter imageFilter) {
        this.page = page;
        this.pageSize = pageSize;
        this.options = options;
        this.imageFilter = imageFilter;
    }

    List<Element> walk(XSLFSlide slide) {
        for (XSLFShape shape : slide.getShapes()) {
            shape(shape);
        }
        List<Element> elements = new ArrayList<>();
        String pageText = text.toString().strip();
        if (options.text() && !pageText.isEmpty()) {
            elements.add(new Element(ContentType.TEXT, pageText, page, null, pageSize, null));
        }
        elements.addAll(others);
        return elements;
    }

    private void shape(XSLFShape shape) {
        if (shape instanceof XSLFGroupShape group) {
            group.getShapes().forEach(this::shape);
        } else if (shape instanceof XSLFTextShape textShape) {
            String t = textShape.getText();
            if (t != null && !t.isBlank()) {
                text.append(t.strip()).append('\n');
            }
        } else if (shape instanceof XSLFTable table) {
            table(table);
        } else if (shape instanceof XSLFPictureShape picture && options.images() && picture.getPictureData() != null) {
            ImageData data = Images.kept(picture.getPictureData().getData(),
                    picture.getPictureData().suggestFileExtension(), imageFilter, page);
            if (data != null) {
                others.add(new Element(ContentType.IMAGE, "", page, box(picture.getAnchor()), pageSize, data));
            }
        }
    }

    private void table(XSLFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XSLFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XSLFTableCell cell : row.getCells()) {
                cells.add(cell.getText() == null ? "" : cell.getText());
            }
            rows.add(cells);
            String line = String.join(" ",
                    cells.stream().map(MarkdownTable::plain).filter(c -> !c.isEmpty()).toList());
            if (!line.isEmpty()) {
                text.append(line).append('\n');
            }
        }
        String markdown = MarkdownTable.of(rows);
        if (options.tables() && !markdown.isEmpty()) {
            others.add(new Element(ContentType.TABLE, markdown, page, box(table.getAnchor()), pageSize, null));
        }
    }

    private static Box box(Rectangle2D anchor) {
        return anchor == null ? null : new Box(anchor.getMinX(), anchor.getMinY(), anchor.getMaxX(), anchor.getMaxY());
    }
}
