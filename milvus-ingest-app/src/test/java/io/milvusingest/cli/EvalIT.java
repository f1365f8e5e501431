package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ingest eval} as a user runs it: two three-page PDFs, one topic per page, ingested into an embedded
 * Milvus Lite, then question sets whose answers are known, in both formats.
 */
class EvalIT {
    @TempDir
    static Path dir;

    private static final List<List<String>> GARDEN = List.of(
            List.of("Tomatoes need six hours of sun a day.", "Water tomato plants at the base in the morning."),
            List.of("Prune apple trees in late winter while they are dormant.", "Cut crossing branches first."),
            List.of("Compost needs a mix of green and brown material.", "Turn the compost heap every two weeks."));
    private static final List<List<String>> BIKES = List.of(
            List.of("Inflate road bike tyres to the pressure printed on the sidewall.", "Check it weekly."),
            List.of("Clean and oil the bicycle chain after riding in the rain.", "Wipe off the extra oil."),
            List.of("Adjust the brake pads so they meet the rim squarely.", "Replace pads when the grooves wear out."));

    @BeforeAll
    static void ingest() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        pdf(docs.resolve("garden.pdf"), GARDEN);
        pdf(docs.resolve("bikes.pdf"), BIKES);
        BinIngest files = bin("files", docs.toString(), "--recreate");
        assertThat(files.exit()).as(files.out() + files.err()).isZero();
    }

    @Test
    void should_print_page_and_document_figures_for_a_set_with_known_answers() throws Exception {
        // Three answerable questions, one about a document that is not in the collection: 3 of 4 at rank 1.
        Path set = Files.writeString(dir.resolve("set.tsv"), """
                # question<TAB>source<TAB>page
                when should I trim my fruit trees?\tgarden.pdf\t2
                how often do I oil the chain of my bicycle?\tbikes\t2
                how hard should I pump up my tyres?\tbikes.pdf\t1
                what is the capital of Norway?\tatlas.pdf\t3
                """);
        BinIngest eval = bin("eval", set.toString());
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("4 questions").contains("mode hybrid, top-k 10")
                .containsPattern("page +0\\.750 +0\\.750 +0\\.750 +0\\.750 +0\\.750")
                .containsPattern("document +0\\.750 +0\\.750 +0\\.750 +0\\.750 +0\\.750");
    }

    @Test
    void should_read_nemo_query_csv_with_zero_based_pages_and_print_json() throws Exception {
        Path csv = Files.writeString(dir.resolve("queries.csv"), """
                query,pdf,page,modality,pdf_page
                "how do I make good compost, with what?",garden,2,text,garden_3
                how should the brake pads sit against the wheel?,bikes,2,text,bikes_3
                """);
        BinIngest eval = bin("eval", csv.toString(), "--mode", "dense", "--top-k", "3", "--json");
        assertThat(eval.exit()).as(eval.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(eval.out());
        assertThat(json.at("/summary/questions").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/page/hitAt1").asDouble()).isEqualTo(1.0);
        JsonNode first = json.at("/questions/0");
        assertThat(first.get("source").asText()).isEqualTo("garden");
        assertThat(first.get("page").asInt()).isEqualTo(3);
        assertThat(first.get("page_rank").asInt()).isEqualTo(1);
        assertThat(first.get("retrieved")).hasSize(3);
        assertThat(first.at("/retrieved/0/source").asText()).isEqualTo("garden.pdf");
        assertThat(first.at("/retrieved/0/page").asInt()).isEqualTo(3);
        assertThat(first.at("/retrieved/0/chunk").isInt()).as("the hit's chunk_index").isTrue();
        assertThat(first.at("/retrieved/0/score").asDouble()).as("dense: cosine similarity")
                .isGreaterThan(first.at("/retrieved/2/score").asDouble()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void should_rerank_search_and_eval_candidates_with_the_remote_reranker_without_printing_its_key() throws Exception {
        String key = "nvapi-eval-it-secret";
        try (var stub = new io.milvusingest.rerank.StubRankingServer()) {
            String[] rerank = {"-p", "search.rerank=remote", "-p", "search.rerank.url=" + stub.baseUrl(),
                    "-p", "search.rerank.model=nvidia/llama-3.2-nv-rerankqa-1b-v2"};
            // the stub's relevance: occurrences of the question in the passage; only garden page 1 has it
            String question = "water tomato plants at the base in the morning";
            BinIngest search = bin(Map.of("NVIDIA_API_KEY", key), concat(new String[] {"search", question,
                    "--top-k", "2", "--json"}, rerank));
            assertThat(search.exit()).as(search.err()).isZero();
            JsonNode hits = new ObjectMapper().readTree(search.out());
            assertThat(hits).hasSize(2);
            assertThat(hits.at("/0/source_name").asText()).as("the full path").endsWith("/garden.pdf");
            assertThat(hits.at("/0/page_number").asInt()).as("stored 0-based").isZero();
            assertThat(hits.at("/0/page").asInt()).isEqualTo(1);
            assertThat(hits.at("/0/score").asDouble()).as("the stub's logit: one occurrence").isGreaterThan(0.9);
            assertThat(hits.at("/1/score").asDouble())
                    .as("the stub's logit: no occurrence, minus the index / 1000; fused scores are never negative")
                    .isNegative();
            assertThat(stub.requests).singleElement().satisfies(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer " + key);
                assertThat(r.body().path("query").path("text").asText()).isEqualTo(question);
                assertThat(r.body().path("passages").size()).as("top-n candidates, more than top-k").isGreaterThan(2);
            });

            Path set = Files.writeString(dir.resolve("rerank.tsv"), question + "\tgarden.pdf\t1\n");
            BinIngest eval = bin(Map.of("NVIDIA_API_KEY", key), concat(new String[] {"eval", set.toString()}, rerank));
            assertThat(eval.exit()).as(eval.err()).isZero();
            assertThat(eval.out()).contains("1 questions").containsPattern("page +1\\.000");
            assertThat(stub.requests).hasSize(2);
            assertThat(search.out() + search.err() + eval.out() + eval.err()).doesNotContain(key);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void should_refuse_a_malformed_set_with_its_line() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "a question\tgarden.pdf\tfirst\n");
        BinIngest eval = bin("eval", bad.toString());
        assertThat(eval.exit()).isEqualTo(2);
        assertThat(eval.err()).contains("error: ").contains("bad.tsv line 1").contains("'first'");
        BinIngest missing = bin("eval", dir.resolve("nowhere.tsv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("error: no question set at ").contains("nowhere.tsv");
    }

    private static BinIngest bin(String... args) throws IOException, InterruptedException {
        return bin(Map.of(), args);
    }

    private static BinIngest bin(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--collection", "eval_it", "-p", "milvus.uri=" + dir.resolve("milvus")}, 0,
                all, args.length, 4);
        return BinIngest.run(dir, env, all);
    }

    private static void pdf(Path file, List<List<String>> pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 700);
                    for (String line : lines) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -16);
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
    }
}
