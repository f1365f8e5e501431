package io.milvusingest.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTableTest {

    @Test
    void should_render_header_separator_and_padded_rows_with_escaped_pipes() {
        String md = MarkdownTable.of(List.of(List.of("Car", "Color"), List.of("Coupe", "White\nor | Silver"),
                List.of("Van")));

        assertThat(md).isEqualTo("| Car | Color |\n| --- | --- |\n| Coupe | White or \\| Silver |\n| Van | |");
    }

    @Test
    void should_render_nothing_for_a_blank_table() {
        assertThat(MarkdownTable.of(List.of(List.of(" ", ""), List.of()))).isEmpty();
    }

    @Test
    void should_compact_rows_of_a_grid_split_at_other_rows_rulings() {
        List<List<String>> grid = List.of(
                List.of("Animal", "Activity", "Place", "", ""),
                List.of("", "Giraffe", "", "Driving a car", "At the beach"),
                List.of("", "", "", "", ""));

        assertThat(PdfTables.tidy(grid)).containsExactly(
                List.of("Animal", "Activity", "Place"), List.of("Giraffe", "Driving a car", "At the beach"));
    }

    @Test
    void should_keep_genuinely_empty_cells_in_place() {
        List<List<String>> grid = List.of(List.of("", "Col 1", "Col 2"), List.of("Row 1", "", ""));

        assertThat(PdfTables.tidy(grid)).isEqualTo(grid);
    }
}
