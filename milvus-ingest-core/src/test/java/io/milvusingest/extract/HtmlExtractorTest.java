package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HtmlExtractorTest {

    private final HtmlExtractor extractor = new HtmlExtractor();

    @TempDir
    Path tmp;

    @Test
    void should_put_each_block_of_the_body_on_its_own_line() {
        Extraction extraction = extractor.extract(Corpus.document("nv-ingest/test.html"));

        assertThat(extraction.pages()).isZero();
        assertThat(extraction.elements()).containsExactly(
                new Element(ContentType.TEXT, "My First Heading\nMy first paragraph.", 0));
    }

    @Test
    void should_start_with_the_title_and_drop_scripts_styles_and_hidden_elements() throws IOException {
        String corpusHtml = Files.readString(Corpus.file("nv-ingest/test.html"));
        String page = corpusHtml
                .replace("<html>", "<html><head><title>Test page</title><style>p { color: red }</style></head>")
                .replace("</body>", "<script>var secret = 1;</script><div hidden>not shown</div>"
                        + "<ul><li>one <b>bold</b>\n  item</li><li>two</li></ul>"
                        + "<table><tr><th>Animal</th><th>Place</th></tr><tr><td>Cat</td><td>Home</td></tr></table>"
                        + "last<br>line</body>");
        Path html = Files.writeString(tmp.resolve("page.html"), page);

        Extraction extraction = extractor.extract(SourceDocument.ofFile(html));

        assertThat(extraction.elements().get(0).text()).isEqualTo("""
                Test page
                My First Heading
                My first paragraph.
                one bold item
                two
                Animal | Place
                Cat | Home
                last
                line""");
    }

    @Test
    void should_also_give_each_outer_table_as_a_Markdown_table_element() throws IOException {
        Path html = Files.writeString(tmp.resolve("tables.html"), "<html><body><p>Prices</p>"
                + "<table><thead><tr><th>Item</th><th>Cost</th></tr></thead><tbody>"
                + "<tr><td>Hammer</td><td>$20 | $25</td></tr>"
                + "<tr><td>Kit</td><td><table><tr><td>nested</td></tr></table></td></tr></tbody></table>"
                + "<table hidden><tr><td>secret</td></tr></table></body></html>");

        Extraction extraction = extractor.extract(SourceDocument.ofFile(html));

        assertThat(extraction.elements()).extracting(Element::type).containsExactly(ContentType.TEXT, ContentType.TABLE);
        assertThat(extraction.elements().get(1)).isEqualTo(new Element(ContentType.TABLE,
                "| Item | Cost |\n| --- | --- |\n| Hammer | $20 \\| $25 |\n| Kit | nested |", 0));
    }

    @Test
    void should_mark_a_page_without_visible_text_as_EMPTY() throws IOException {
        Path html = Files.writeString(tmp.resolve("blank.htm"),
                "<html><body><script>document.write('x')</script>\n  </body></html>");

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> extractor.extract(SourceDocument.ofFile(html)));

        assertThat(e.kind()).isEqualTo(ErrorKind.EMPTY);
    }
}
