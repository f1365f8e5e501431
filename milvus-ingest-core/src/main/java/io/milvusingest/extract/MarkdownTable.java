package io.milvusingest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders table rows as a GitHub-flavoured Markdown table, NeMo Retriever's {@code table_output_format=markdown}:
 * the first row is the header, followed by a {@code | --- |} separator row. Short rows are padded with empty
 * cells. Inside a cell, line breaks become spaces and {@code |} is escaped as {@code \|}.
 */
public final class MarkdownTable {

    private MarkdownTable() {
    }

    /**
     * @param rows cells by row; at least one row
     * @return the Markdown table, lines joined with {@code \n}, no trailing newline; "" when every cell is blank
     */
    public static String of(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        boolean blank = rows.stream().flatMap(List::stream).allMatch(c -> c == null || c.isBlank());
        if (columns == 0 || blank) {
            return "";
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        for (int r = 0; r < rows.size(); r++) {
            lines.add(line(rows.get(r), columns));
            if (r == 0) {
                lines.add("|" + " --- |".repeat(columns));
            }
        }
        return String.join("\n", lines);
    }

    private static String line(List<String> row, int columns) {
        StringBuilder out = new StringBuilder("|");
        for (int c = 0; c < columns; c++) {
            String cell = c < row.size() && row.get(c) != null ? cell(row.get(c)) : "";
            out.append(' ').append(cell).append(cell.isEmpty() ? "|" : " |");
        }
        return out.toString();
    }

    /** @return the cell text on one line, escaped for Markdown */
    static String cell(String text) {
        return plain(text).replace("|", "\\|");
    }

    /** @return the cell text on one line: whitespace runs (line breaks included) become one space */
    static String plain(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
