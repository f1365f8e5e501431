package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.milvusingest.milvus.SearchHit;
import io.milvusingest.milvus.SearchMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/ingest search "QUESTION" [--top-k N] [--mode hybrid|dense|sparse] [--filter EXPR] [--json]}. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the collection. hybrid = dense + BM25, fused as search.ranker says (default minmax: "
                + "each list's scores min-max normalized, then summed with search.dense-weight; rrf: RRF, k=60).")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "QUESTION")
    String question;

    @Option(names = "--top-k", paramLabel = "N", description = "Results to return (search.top-k, default 5).")
    Integer topK;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid",
            description = "hybrid, dense or sparse (BM25). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Milvus boolean expression, e.g. 'content_metadata[\"page_number\"] == 1' (0-based: p.2).")
    String filter;

    @Option(names = "--json", description = "Print a JSON array of {score, text, source_name, page_number (stored: 0-based, -1 page-less), "
                    + "page (1-based, null page-less), content_type}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SearchMode searchMode = SearchMode.valueOf(mode.toUpperCase(Locale.ROOT));
        var config = common.load(Map.of());
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home())) {
            int k = topK != null ? topK : config.searchTopK();
            List<SearchHit> hits = runtime.searcher().search(question, k, searchMode, filter);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(hits.stream().map(SearchCommand::toJson).toList()));
            } else {
                print(hits);
            }
        }
        return 0;
    }

    static Map<String, Object> toJson(SearchHit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", h.score());
        m.put("text", h.text());
        m.put("source_name", h.sourceName());
        m.put("page_number", h.pageNumber());
        m.put("page", h.page() > 0 ? h.page() : null);
        m.put("content_type", h.contentType());
        return m;
    }

    static void print(List<SearchHit> hits) {
        if (hits.isEmpty()) {
            System.out.println("(no results)");
        }
        int rank = 1;
        for (SearchHit h : hits) {
            String snippet = h.text().replaceAll("\\s+", " ").strip();
            System.out.printf(Locale.ROOT, "%d. [%.4f] %s%s%n   %s%n", rank++, h.score(), h.sourceName(),
                    h.page() > 0 ? " p." + h.page() : "",
                    snippet.length() > 240 ? snippet.substring(0, 240) + "..." : snippet);
        }
    }
}
