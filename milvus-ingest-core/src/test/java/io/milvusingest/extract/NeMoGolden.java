package io.milvusingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NeMo Retriever's own extraction of a corpus document ({@code ../shared/corpus/nv-ingest/NAME.json}): its text
 * elements and its tables, with 1-based page numbers (NeMo's are 0-based).
 */
final class NeMoGolden {

    /** A golden element: 1-based page and text (for tables, NeMo's table_content). */
    record Golden(int page, String text) {
    }

    private final List<Golden> texts = new ArrayList<>();
    private final List<Golden> tables = new ArrayList<>();

    private NeMoGolden(JsonNode elements) {
        for (JsonNode element : elements) {
            JsonNode meta = element.path("metadata");
            JsonNode content = meta.path("content_metadata");
            int page = content.path("page_number").asInt() + 1;
            if ("text".equals(element.path("document_type").asText())) {
                texts.add(new Golden(page, meta.path("content").asText()));
            } else if ("table".equals(content.path("subtype").asText())) {
                tables.add(new Golden(page, meta.path("table_metadata").path("table_content").asText()));
            }
        }
    }

    static NeMoGolden of(String name) {
        try {
            return new NeMoGolden(new ObjectMapper().readTree(Corpus.file("nv-ingest/" + name + ".json").toFile()).get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Golden> texts() {
        return texts;
    }

    List<Golden> tables() {
        return tables;
    }

    /**
     * The body rows of a Markdown table as cell lists: lines that are not table rows (NeMo's "Table 1" caption),
     * separator rows ({@code | --- |}), and rows whose cells all repeat one text (NeMo spreads a caption row
     * merged across the table over every column) are dropped.
     */
    static List<List<String>> rows(String markdown) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("|") || t.matches("\\|(\\s*:?-+:?\\s*\\|)+")) {
                continue;
            }
            List<String> cells = Arrays.stream(t.substring(1, t.length() - 1).split("(?<!\\\\)\\|", -1))
                    .map(String::strip).toList();
            if (cells.size() > 1 && cells.stream().distinct().count() == 1) {
                continue;
            }
            rows.add(cells);
        }
        return rows;
    }
}
