package io.milvusingest.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionSetsTest {
    @TempDir
    Path dir;

    @Test
    void readsTabSeparatedQuestionsWithOneBasedPages() throws IOException {
        Path tsv = Files.writeString(dir.resolve("set.tsv"), """
                # comment line
                How do I "quote" a word, say?\tguide.pdf\t12

                what, exactly?\tnotes\t1
                """);
        assertThat(QuestionSets.read(tsv)).containsExactly(
                new EvalQuestion("How do I \"quote\" a word, say?", "guide.pdf", 12),
                new EvalQuestion("what, exactly?", "notes", 1));
    }

    @Test
    void readsNeMoQueryCsvWithZeroBasedPages() throws IOException {
        Path csv = Files.writeString(dir.resolve("bo767_query_gt.csv"), """
                query,pdf,page,modality,pdf_page
                "What was the revenue, in 2019?",1016445,0,table,1016445_1
                How many units?,2021_report.pdf,14,text,2021_report_15
                """);
        assertThat(QuestionSets.read(csv)).containsExactly(
                new EvalQuestion("What was the revenue, in 2019?", "1016445", 1),
                new EvalQuestion("How many units?", "2021_report", 15));
    }

    @Test
    void malformedRowsNameTheFile() throws IOException {
        Path twoColumns = Files.writeString(dir.resolve("bad.tsv"), "# c\nq\tguide.pdf\t1\nquestion only\tguide.pdf\n");
        assertThatThrownBy(() -> QuestionSets.read(twoColumns)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.tsv line 3:").hasMessageContaining("3 columns");
        Path zeroPage = Files.writeString(dir.resolve("zero.tsv"), "q\tguide.pdf\t0\n");
        assertThatThrownBy(() -> QuestionSets.read(zeroPage)).hasMessageContaining("1-based");
        Path notANumber = Files.writeString(dir.resolve("nan.tsv"), "q\tguide.pdf\tseven\n");
        assertThatThrownBy(() -> QuestionSets.read(notANumber)).hasMessageContaining("'seven'");
        Path noPage = Files.writeString(dir.resolve("x.csv"), "query,pdf\nq,guide\n");
        assertThatThrownBy(() -> QuestionSets.read(noPage)).hasMessageContaining("x.csv line 2:").hasMessageContaining("'page'");
        Path empty = Files.writeString(dir.resolve("empty.tsv"), "# nothing\n");
        assertThatThrownBy(() -> QuestionSets.read(empty)).hasMessageContaining("no questions");
    }

    @Test
    void theCommittedDebianSetParses() throws IOException {
        // The repository's own evaluation set (eval/debian-small.tsv): every row well formed, at least 60 rows.
        List<EvalQuestion> questions = QuestionSets.read(Path.of("eval/debian-small.tsv"));
        assertThat(questions).hasSizeGreaterThanOrEqualTo(60);
        assertThat(questions).extracting(EvalQuestion::question).doesNotHaveDuplicates();
    }
}
