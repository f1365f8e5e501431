package io.milvusingest.extract;

import io.milvusingest.model.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardedExtractorTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void should_reject_a_file_over_max_bytes_as_TOO_LARGE_without_parsing_it() {
        SourceDocument pdf = Corpus.document("nv-ingest/multimodal_test.pdf");
        Extractor neverCalled = d -> {
            throw new AssertionError("parsed a file over the size limit");
        };
        try (GuardedExtractor guarded = new GuardedExtractor(neverCalled, new ExtractLimits(1000, 10, MINUTE))) {
            assertThatThrownBy(() -> guarded.extract(pdf)).isInstanceOfSatisfying(IngestException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
                assertThat(e.getMessage()).contains("ingest.max-bytes=1000");
            });
        }
    }

    @Test
    void should_reject_a_pdf_over_max_pages_as_TOO_LARGE() {
        SourceDocument pdf = Corpus.document("nv-ingest/multimodal_test.pdf"); // 3 pages
        try (GuardedExtractor guarded = new GuardedExtractor(new Extractors(), new ExtractLimits(1 << 30, 2, MINUTE))) {
            assertThatThrownBy(() -> guarded.extract(pdf)).isInstanceOfSatisfying(IngestException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
                assertThat(e.getMessage()).contains("3 pages").contains("ingest.max-pages=2");
            });
        }
        try (GuardedExtractor guarded = new GuardedExtractor(new Extractors(), new ExtractLimits(1 << 30, 3, MINUTE))) {
            assertThat(guarded.extract(pdf).pages()).isEqualTo(3);
        }
    }

    @Test
    void should_fail_a_hung_extraction_as_TIMEOUT_and_go_on_with_the_next_document(@TempDir Path dir)
            throws Exception {
        Path hang = Files.writeString(dir.resolve("hang.txt"), "x");
        Path fine = Files.writeString(dir.resolve("fine.txt"), "plain words");
        // simulates a parser stuck in an xref loop: it ignores interrupts, as PDFBox does
        Extractor hangsOnHang = d -> {
            if (d.sourceName().equals("hang.txt")) {
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            return new TextExtractor().extract(d);
        };
        try (GuardedExtractor guarded = new GuardedExtractor(hangsOnHang,
                new ExtractLimits(1 << 20, 10, Duration.ofMillis(300)))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> guarded.extract(SourceDocument.ofFile(hang)))
                    .isInstanceOfSatisfying(IngestException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
                        assertThat(e.getMessage()).contains("extract.timeout-ms=300");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            List<Element> elements = guarded.extract(SourceDocument.ofFile(fine)).elements();
            assertThat(elements).extracting(Element::text).containsExactly("plain words");
        }
    }

    @Test
    void should_pass_the_delegate_s_classified_failure_through() {
        SourceDocument corrupt = Corpus.document("bad/qpdf-bad1.pdf");
        try (GuardedExtractor guarded = new GuardedExtractor(new Extractors(), ExtractLimits.DEFAULTS)) {
            assertThatThrownBy(() -> guarded.extract(corrupt)).isInstanceOfSatisfying(IngestException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT));
        }
    }
}
