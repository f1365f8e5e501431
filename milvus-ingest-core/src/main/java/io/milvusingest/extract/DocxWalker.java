package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.ImageData;
import io.milvusingest.model.PageSize;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks a DOCX body in reading order. A DOCX has no pages until a word processor lays it out, so pages are
 * counted from the page breaks Word records when it saves ({@code w:lastRenderedPageBreak}) when the file has any,
 * else from explicit breaks ({@code <w:br w:type="page"/>}, "page break before"); a file with neither is page 1.
 * Table cells also appear in the page text, one row a line with cells separated by spaces, as in NeMo Retriever's
 * page text. Page size comes from the last section ({@code w:pgSz}, twentieths of a point). One use per document.
 */
final class DocxWalker {
    private final XWPFDocument docx;
    private final ExtractOptions options;
    private final ImageFilter imageFilter;
    private final boolean renderedBreaks;
    private final PageSize pageSize;
    private final List<Element> elements = new ArrayList<>();
    private final List<Element> tablesAndImages = new ArrayList<>();
    private final StringBuilder pageText = new StringBuilder();
    private int page = 1;

    DocxWalker(XWPFDocument docx, ExtractOptions options, ImageFilter imageFilter) {
        this.docx = docx;
        this.options = options;
        this.imageFilter = imageFilter;
        this.renderedBreaks = docx.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                .anyMatch(r -> r.getCTR().sizeOfLastRenderedPageBreakArray() > 0);
        this.pageSize = pageSize(docx);
    }

    /** @return text elements per page, each page's tables and images after its text */
    List<Element> walk() {
        for (IBodyElement body : docx.getBodyElements()) {
            if (body instanceof XWPFParagraph paragraph) {
                paragraph(paragraph);
            } else if (body instanceof XWPFTable table) {
                table(table);
            }
        }
        flushPage();
        return elements;
    }

    /** @return the number of pages seen (at least 1) */
    int pages() {
        return page;
    }

    private void paragraph(XWPFParagraph paragraph) {
        int breaks = paragraph.isPageBreak() && !renderedBreaks ? 1 : 0;
        for (XWPFRun run : paragraph.getRuns()) {
            breaks += renderedBreaks ? run.getCTR().sizeOfLastRenderedPageBreakArray()
                    : (int) run.getCTR().getBrList().stream()
                    .filter(br -> br.getType() != null && br.getType().toString().equals(BreakType.PAGE.name()
                            .toLowerCase(Locale.ROOT))).count();
        }
        for (int i = 0; i < breaks; i++) {
            flushPage();
            page++;
        }
        String text = paragraph.getText().strip();
        if (!text.isEmpty()) {
            pageText.append(text).append('\n');
        }
        if (options.images()) {
            for (XWPFRun run : paragraph.getRuns()) {
                for (XWPFPicture picture : run.getEmbeddedPictures()) {
                    image(picture);
                }
            }
        }
    }

    private void image(XWPFPicture picture) {
        if (picture.getPictureData() == null) {
            return;
        }
        ImageData data = Images.kept(picture.getPictureData().getData(),
                picture.getPictureData().suggestFileExtension(), imageFilter, page);
        if (data != null) {
            tablesAndImages.add(new Element(ContentType.IMAGE, "", page, null, pageSize, data));
        }
    }

    private void table(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = row.getTableCells().stream().map(XWPFTableCell::getText).toList();
            rows.add(cells);
            String line = String.join(" ",
                    cells.stream().map(MarkdownTable::plain).filter(c -> !c.isEmpty()).toList());
            if (!line.isEmpty()) {
                pageText.append(line).append('\n');
            }
        }
        String markdown = MarkdownTable.of(rows);
        if (options.tables() && !markdown.isEmpty()) {
            tablesAndImages.add(new Element(ContentType.TABLE, markdown, page, null, pageSize, null));
        }
    }

    private void flushPage() {
        String text = pageText.toString().strip();
        if (options.text() && !text.isEmpty()) {
            elements.add(new Element(ContentType.TEXT, text, page, null, pageSize, null));
        }
        elements.addAll(tablesAndImages);
        tablesAndImages.clear();
        pageText.setLength(0);
    }

    private static PageSize pageSize(XWPFDocument docx) {
        CTSectPr section = docx.getDocument().getBody().getSectPr();
        CTPageSz size = section == null ? null : section.getPgSz();
        if (size == null || size.getW() == null || size.getH() == null) {
            return null;
        }
        return new PageSize(twips(size.getW()), twips(size.getH()));
    }

    private static double twips(Object value) {
        return value instanceof BigInteger b ? b.doubleValue() / 20 : Double.parseDouble(value.toString()) / 20;
    }
}
