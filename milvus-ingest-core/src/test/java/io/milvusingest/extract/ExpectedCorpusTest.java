package io.milvusingest.extract;

import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs every row of {@code ../shared/corpus/EXPECTED.tsv} (hostile, encrypted and odd PDFs) through the
 * registry. A separate thread enforces the timeout so that a parser stuck in a loop fails the row instead of
 * hanging the build.
 */
class ExpectedCorpusTest {

    /** One row: file relative to the corpus, expected status, user password ("" if none), note. */
    record Row(String file, String status, String password, String note) {
        @Override
        public String toString() {
            return file + " (" + status + ")";
        }
    }

    static List<Row> rows() throws IOException {
        return Files.readAllLines(Corpus.file("EXPECTED.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(c -> new Row(c[0], c[1], c.length > 2 ? c[2] : "", c.length > 3 ? c[3] : ""))
                .toList();
    }

    /** What an encrypted file gives once opened: its page count and first text element, "" for a scan. */
    record Decrypted(int pages, String text) {
    }

    /** The decrypted content of each ENCRYPTED row of EXPECTED.tsv (whitespace runs as one space). */
    private static final Map<String, Decrypted> DECRYPTED = Map.of(
            "bad/issue3371.pdf", new Decrypted(1, ""),
            "bad/issue6010_2.pdf", new Decrypted(1, "Issue 6010"),
            "bad/issue21579.pdf", new Decrypted(1, "repro1a: AES-256 R5, password \u2019passwoert\u2019 with umlauts"
                    + " If you can read this, decryption succeeded."),
            "bad/saslprep-r6.pdf", new Decrypted(1, "Hello pdf.js world"),
            "bad/qpdf-enc-R6-AES256-userpw-view.pdf", new Decrypted(30, "Potato 0"),
            "bad/qpdf-encrypted-40-bit-R3.pdf", new Decrypted(1, "Potato"));

    static List<Row> encryptedRows() throws IOException {
        return rows().stream().filter(r -> r.status().equals("ENCRYPTED")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void should_classify_corpus_file_as_expected_without_passwords(Row row) {
        AtomicReference<Extraction> extraction = new AtomicReference<>();
        Throwable thrown = catchThrowable(() -> extraction.set(new Extractors().extract(Corpus.document(row.file()))));
        report(row, "expected " + row.status(), thrown != null ? thrown : extraction.get());

        switch (row.status()) {
            case "OK" -> {
                assertThat(thrown).as(row.note()).isNull();
                assertThat(extraction.get().elements()).isNotEmpty().allSatisfy(e -> assertThat(e.text()).isNotBlank());
            }
            case "EMPTY", "ENCRYPTED", "CORRUPT" -> assertKind(thrown, ErrorKind.valueOf(row.status()));
            case "ANY" -> assertThat(thrown).as(row.note()).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(IngestException.class)
                            .extracting(e -> ((IngestException) e).stage()).isEqualTo(Stage.EXTRACT));
            default -> throw new IllegalArgumentException("unknown expected_status " + row.status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptedRows")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void should_open_encrypted_corpus_file_with_its_configured_password(Row row) {
        Decrypted expected = DECRYPTED.get(row.file());
        assertThat(expected).as("no decrypted text known for %s: add it to DECRYPTED", row.file()).isNotNull();
        // A wrong password first: the right one must still be found when tried in turn.
        Extractors extractors = new Extractors(List.of("wrong-password", row.password()));

        AtomicReference<Extraction> extraction = new AtomicReference<>();
        Throwable thrown = catchThrowable(() -> extraction.set(extractors.extract(Corpus.document(row.file()))));
        report(row, "with password", thrown != null ? thrown : extraction.get());

        if (expected.text().isEmpty()) { // opened, but a scan: no text layer
            assertKind(thrown, ErrorKind.EMPTY);
            assertThat(thrown.getMessage()).startsWith("no extractable text in " + expected.pages() + " pages");
            return;
        }
        assertThat(thrown).as("%s with its password", row.file()).isNull();
        assertThat(extraction.get().pages()).isEqualTo(expected.pages());
        assertThat(extraction.get().elements().get(0).text().replaceAll("\\s+", " ").strip())
                .isEqualTo(expected.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptedRows")
    void should_never_reveal_configured_passwords_in_the_ENCRYPTED_message(Row row) {
        List<String> wrong = List.of("hunter2-not-it", "s3cr3t-not-it");

        Throwable thrown = catchThrowable(() -> new Extractors(wrong).extract(Corpus.document(row.file())));

        assertKind(thrown, ErrorKind.ENCRYPTED);
        assertThat(thrown.getMessage()).isEqualTo("password-protected PDF: none of the 2 configured passwords"
                + " opened it").doesNotContain(wrong.get(0)).doesNotContain(wrong.get(1));
        assertThat(thrown.toString()).doesNotContain(wrong.get(0)).doesNotContain(wrong.get(1));
    }

    private static void assertKind(Throwable thrown, ErrorKind kind) {
        assertThat(thrown).isInstanceOf(IngestException.class);
        IngestException e = (IngestException) thrown;
        assertThat(e.kind()).as(e.toString()).isEqualTo(kind);
        assertThat(e.stage()).isEqualTo(Stage.EXTRACT);
    }

    /** Prints the outcome per row, so a build log shows what each hostile file actually gave. */
    private static void report(Row row, String context, Object outcome) {
        if (outcome instanceof Extraction x) {
            System.out.printf("[corpus] %-40s %-18s -> OK: %d pages, %d text elements%n", row.file(), context,
                    x.pages(), x.elements().size());
        } else if (outcome instanceof Throwable t) {
            System.out.printf("[corpus] %-40s %-18s -> %s%n", row.file(), context,
                    t instanceof IngestException ? t.toString() : "UNCLASSIFIED " + t);
        }
    }
}
