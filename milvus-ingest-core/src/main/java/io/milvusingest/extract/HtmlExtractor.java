package io.milvusingest.extract;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;

import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.SourceDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Extracts the visible text of an HTML page ({@code .html}, {@code .htm}) with jsoup as one
 * {@link ContentType#TEXT} element on page 0: the {@code <title>} as the first line, then the body with one line
 * per block (heading, paragraph, list item, table row; cells joined by {@code " | "}), so the splitter and the
 * embedding model see the page's structure instead of one giant line.
 *
 * <p>Each {@code <table>} (outermost ones; nested tables stay inside their cell's text) is also a
 * {@link ContentType#TABLE} element on page 0 holding the Markdown table (first row as header), as NeMo
 * Retriever's {@code table_output_format=markdown}.
 *
 * <p>Scripts, styles, templates, {@code <noscript>} and elements marked {@code hidden} are dropped, and so are
 * blank lines. The charset comes from the BOM or {@code <meta charset>}, else UTF-8.
 */
public final class HtmlExtractor implements Extractor {

    private static final String INVISIBLE = "script, style, noscript, template, head, [hidden]";
    private static final Set<String> CELLS = Set.of("td", "th");

    /**
     * @throws io.milvusingest.model.IngestException EMPTY when there is no visible text; CORRUPT when the file
     *                                                cannot be read
     */
    @Override
    public Extraction extract(SourceDocument document) {
        Document html;
        try {
            html = Jsoup.parse(document.path().toFile(), null);
        } catch (IOException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot read HTML: " + ExtractFailures.describe(e), e);
        }
        String title = html.title().strip();
        html.select(INVISIBLE).remove();
        String body = html.body() == null ? "" : blockText(html.body());
        // Many pages repeat the title as their first heading: keep it once.
        boolean repeated = body.equals(title) || body.startsWith(title + "\n");
        String text = (title.isEmpty() || repeated ? body : title + "\n" + body).strip();
        if (text.isEmpty()) {
            throw ExtractFailures.failure(ErrorKind.EMPTY, document, "no visible text in the HTML page");
        }
        List<Element> elements = new ArrayList<>();
        elements.add(new Element(ContentType.TEXT, text, 0));
        if (html.body() != null) {
            for (org.jsoup.nodes.Element table : html.body().select("table:not(table table)")) {
                String markdown = MarkdownTable.of(rows(table));
                if (!markdown.isEmpty()) {
                    elements.add(new Element(ContentType.TABLE, markdown, 0));
                }
            }
        }
        return new Extraction(List.copyOf(elements), 0);
    }

    /** The rows of one table (its own rows, also inside thead/tbody/tfoot), each as the texts of its th/td cells. */
    private static List<List<String>> rows(org.jsoup.nodes.Element table) {
        List<List<String>> rows = new ArrayList<>();
        for (org.jsoup.nodes.Element row : table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr")) {
            rows.add(row.select("> th, > td").stream().map(org.jsoup.nodes.Element::text).toList());
        }
        return rows;
    }

    /** Text of {@code root} with a line break around every block element and {@code <br>}. */
    static String blockText(Node root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    // Inside <pre> the line breaks are content; elsewhere whitespace is layout only.
                    out.append(inPre(text) ? text.getWholeText() : collapse(text.getWholeText()));
                } else if (node instanceof org.jsoup.nodes.Element element) {
                    String tag = element.normalName();
                    if (CELLS.contains(tag) && element.elementSiblingIndex() > 0) {
                        out.append(" | ");
                    } else if (element.isBlock() && !CELLS.contains(tag) || tag.equals("br")) {
                        newline(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.Element element && element.isBlock()
                        && !CELLS.contains(element.normalName())) {
                    newline(out);
                }
            }
        }, root);
        return tidyLines(out.toString());
    }

    private static boolean inPre(TextNode text) {
        for (Node n = text.parentNode(); n != null; n = n.parentNode()) {
            if (n instanceof org.jsoup.nodes.Element e && e.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static String collapse(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ");
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Strips each line and drops empty ones: block boundaries are already line breaks. */
    private static String tidyLines(String s) {
        return String.join("\n", s.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}
