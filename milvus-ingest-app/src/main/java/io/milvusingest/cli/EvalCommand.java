package io.milvusingest.cli;

import io.milvusingest.runtime.AppRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.milvusingest.eval.EvalQuestion;
import io.milvusingest.eval.EvalReport;
import io.milvusingest.eval.Evaluator;
import io.milvusingest.eval.QuestionSets;
import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.milvus.SearchMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/ingest eval QUERIES [--mode hybrid|dense|sparse] [--top-k N] [--json]}: retrieval quality figures. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Run a question set through search and print page- and document-level hit@1, recall@5, "
                + "recall@10, MRR and nDCG@10.",
                "QUERIES: question<TAB>expected source (file name, name without extension, or source id)"
                        + "<TAB>expected page (1-based), '#' comments; or NeMo Retriever's query CSV (.csv: "
                        + "query,pdf,page,... with 0-based page)."})
final class EvalCommand implements Callable<Integer> {
    /** Hits fetched per question: enough for recall@10 and nDCG@10. */
    static final int DEFAULT_TOP_K = 10;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "QUERIES")
    Path queries;

    @Option(names = "--top-k", paramLabel = "N", defaultValue = "" + DEFAULT_TOP_K,
            description = "Hits fetched per question (default ${DEFAULT-VALUE}; below 10, recall@10 and nDCG@10 "
                    + "only see N hits).")
    int topK;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid",
            description = "hybrid, dense or sparse (BM25). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--json", description = "Print {summary, questions: [{question, source, page, page_rank, "
            + "doc_rank, retrieved: [{source, page, chunk, score}]}]} instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SearchMode searchMode = SearchMode.valueOf(mode.toUpperCase(Locale.ROOT));
        if (!java.nio.file.Files.isRegularFile(queries)) {
            throw new IllegalArgumentException("no question set at " + queries);
        }
        List<EvalQuestion> questions = QuestionSets.read(queries);
        var config = common.load(Map.of());
        EvalReport report;
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home())) {
            HybridSearcher searcher = runtime.searcher();
            report = EvalReport.of(new Evaluator((q, k) -> searcher.search(q, k, searchMode, null), topK)
                    .run(questions));
        }
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report.toJson()));
        } else {
            System.out.printf(Locale.ROOT, "%d questions (%s), collection %s, mode %s, top-k %d%n",
                    questions.size(), queries, config.milvus().collection(), searchMode.name().toLowerCase(Locale.ROOT),
                    topK);
            System.out.print(report.table());
        }
        return 0;
    }
}
