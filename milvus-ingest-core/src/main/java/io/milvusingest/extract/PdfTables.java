package io.milvusingest.extract;

import io.milvusingest.model.Box;
import io.milvusingest.model.ContentType;

import io.milvusingest.model.Element;
import io.milvusingest.model.PageSize;

import org.apache.pdfbox.pdmodel.PDDocument;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ruled tables of a PDF page, found by Tabula's lattice algorithm ({@link SpreadsheetExtractionAlgorithm}: cells
 * bounded by drawn lines). Tables drawn without lines are not found: Tabula's detector for those (Nurminen) calls
 * PDFBox 2 API missing from PDFBox 3. Grids with fewer than 2 rows or 2 columns (framed text boxes) are skipped.
 *
 * <p>Tabula splits a grid at every ruling of any row, so tables whose rows are ruled at different x positions
 * (shaded rows, as on multimodal_test.pdf) come out with extra columns, each row's cells in different ones. After
 * empty rows and columns are dropped, when every row has the same number of non-empty cells and that is fewer than
 * the columns, each row keeps just its non-empty cells, in order. A grid with genuinely empty cells (rows with
 * differing counts) is left alone. Cell text comes from {@link PdfGlyphs}, not from Tabula. Pages without the lines
 * such a grid needs are not given to Tabula at all ({@link PdfRulings}).
 */
final class PdfTables {
    private final PDDocument pdf;
    private final ObjectExtractor extractor;
    private final SpreadsheetExtractionAlgorithm lattice = new SpreadsheetExtractionAlgorithm();

    /** @param pdf the open document (one instance per document and thread) */
    PdfTables(PDDocument pdf) {
        this.pdf = pdf;
        this.extractor = new ObjectExtractor(pdf);
    }

    /** @return the tables of the 1-based {@code page}, as Markdown {@link ContentType#TABLE} elements */
    List<Element> find(int page, PageSize pageSize) throws IOException {
        if (!PdfRulings.mayHoldTable(pdf.getPage(page - 1))) {
            return List.of(); // too few straight lines for a 2 x 2 grid: Tabula would find nothing we keep
        }
        Page tabulaPage = extractor.extract(page);
        List<Element> tables = new ArrayList<>();
        PdfGlyphs glyphs = null;
        for (Table table : lattice.extract(tabulaPage)) {
            if (table.getRowCount() == 0) {
                continue;
            }
            glyphs = glyphs == null ? PdfGlyphs.of(pdf, page) : glyphs;
            List<List<String>> rows = tidy(cells(table, glyphs));
            if (rows.size() < 2 || rows.stream().mapToInt(List::size).max().orElse(0) < 2) {
                continue;
            }
            Box box = new Box(table.getLeft(), table.getTop(), table.getRight(), table.getBottom());
            tables.add(new Element(ContentType.TABLE, MarkdownTable.of(rows), page, box, pageSize, null));
        }
        return tables;
    }

    /** Cell text read from the page's glyphs inside each of Tabula's cell boxes (see {@link PdfGlyphs}). */
    @SuppressWarnings("rawtypes")
    private static List<List<String>> cells(Table table, PdfGlyphs glyphs) {
        List<List<String>> rows = new ArrayList<>();
        for (List<RectangularTextContainer> row : table.getRows()) {
            rows.add(row.stream().map(c -> glyphs.text(c.getLeft(), c.getTop(), c.getRight(), c.getBottom()))
                    .toList());
        }
        return rows;
    }

    /** Drops empty rows and columns, and compacts rows of a mis-split grid (see the class comment). */
    static List<List<String>> tidy(List<List<String>> grid) {
        List<List<String>> rows = grid.stream().filter(r -> r.stream().anyMatch(c -> !c.isEmpty())).toList();
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            int column = c;
            if (rows.stream().anyMatch(r -> column < r.size() && !r.get(column).isEmpty())) {
                used.add(c);
            }
        }
        List<List<String>> kept = rows.stream()
                .map(r -> used.stream().map(c -> c < r.size() ? r.get(c) : "").toList()).toList();
        List<Long> filled = kept.stream().map(r -> r.stream().filter(c -> !c.isEmpty()).count()).distinct().toList();
        if (filled.size() == 1 && filled.get(0) < used.size()) {
            return kept.stream().map(r -> r.stream().filter(c -> !c.isEmpty()).toList()).toList();
        }
        return kept;
    }
}
