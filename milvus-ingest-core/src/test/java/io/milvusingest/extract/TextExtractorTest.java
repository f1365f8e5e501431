package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TextExtractorTest {

    private final TextExtractor extractor = new TextExtractor();

    @TempDir
    Path tmp;

    @Test
    void should_extract_a_txt_file_as_one_page_less_text_element() {
        Extraction extraction = extractor.extract(Corpus.document("nv-ingest/test.txt"));

        assertThat(extraction.pages()).isZero();
        assertThat(extraction.elements()).containsExactly(
                new Element(ContentType.TEXT, "The quick brown fox jumped over the lazy dog.", 0));
    }

    @Test
    void should_keep_markdown_markup() {
        Extraction extraction = extractor.extract(Corpus.document("nv-ingest/test.md"));

        assertThat(extraction.elements()).containsExactly(
                new Element(ContentType.TEXT, "# Hello World!\n\nThis is a test", 0));
    }

    @Test
    void should_strip_the_BOM_and_normalize_CRLF() throws IOException {
        String corpusText = Files.readString(Corpus.file("nv-ingest/test.md"));
        Path withBom = tmp.resolve("bom.md");
        Files.writeString(withBom, "\uFEFF" + corpusText.replace("\n", "\r\n"));

        Extraction extraction = extractor.extract(SourceDocument.ofFile(withBom));

        assertThat(extraction.elements().get(0).text()).isEqualTo("# Hello World!\n\nThis is a test");
    }

    @Test
    void should_replace_malformed_UTF8_instead_of_failing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(Files.readAllBytes(Corpus.file("nv-ingest/test.txt")));
        bytes.write(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'}); // "café" in Latin-1: invalid UTF-8
        Path latin1 = tmp.resolve("latin1.txt");
        Files.write(latin1, bytes.toByteArray());

        Extraction extraction = extractor.extract(SourceDocument.ofFile(latin1));

        assertThat(extraction.elements().get(0).text())
                .isEqualTo("The quick brown fox jumped over the lazy dog.\ncaf\uFFFD");
    }

    @Test
    void should_mark_blank_text_as_EMPTY() throws IOException {
        Path blank = Files.writeString(tmp.resolve("blank.txt"), " \n\t\r\n");

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> extractor.extract(SourceDocument.ofFile(blank)));

        assertThat(e.kind()).isEqualTo(ErrorKind.EMPTY);
    }

    @Test
    void should_also_give_each_markdown_pipe_table_as_a_table_element() throws IOException {
        Path md = Files.writeString(tmp.resolve("notes.markdown"), """
                # Costs

                | Item | Cost |
                |:-----|-----:|
                | Hammer | 20 |
                | Drill | 80 |

                Not | a table without a delimiter row.
                """);

        Extraction extraction = new TextExtractor().extract(SourceDocument.ofFile(md));

        assertThat(extraction.elements()).extracting(Element::type).containsExactly(ContentType.TEXT, ContentType.TABLE);
        assertThat(extraction.elements().get(1).text())
                .isEqualTo("| Item | Cost |\n|:-----|-----:|\n| Hammer | 20 |\n| Drill | 80 |");
    }
}
