package io.milvusingest.chunk;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.DocumentOutline;
import io.milvusingest.model.DocumentOutline.Heading;
import io.milvusingest.model.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cuts a page's text where the headings that start on that page appear ({@code chunk.by-heading}), so no chunk
 * spans two sections, and names the heading in effect for each part. A heading is found by its words in order,
 * any whitespace between them; one not found cuts nothing but is in effect from there on.
 */
public final class HeadingCuts {
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private HeadingCuts() {
    }

    /**
     * A piece of an element and the heading in effect for it.
     *
     * @param element the element with the piece's text (same type, page, position)
     * @param heading the heading in effect, or null (before the first heading of the document)
     */
    public record Part(Element element, Heading heading) {
    }

    /**
     * @param element an extracted element
     * @param outline its document's outline
     * @return the element's parts in order: text elements cut before each heading starting on their page; other
     *     elements (and pages without headings) whole, with the heading in effect on their page
     */
    public static List<Part> cut(Element element, DocumentOutline outline) {
        int page = element.pageNumber();
        List<Heading> on = element.type() == ContentType.TEXT && page > 0 ? outline.startingOn(page) : List.of();
        if (on.isEmpty()) {
            return List.of(new Part(element, lastOnOrBefore(outline, page)));
        }
        String text = element.text();
        List<Part> parts = new ArrayList<>();
        Heading current = outline.inEffectBefore(page);
        int from = 0;
        for (Heading h : on) {
            Matcher m = pattern(h.title()).matcher(text);
            if (m.find(from) && m.start() > from) {
                add(parts, element, text.substring(from, m.start()), current);
                from = m.start();
            }
            current = h;
        }
        add(parts, element, text.substring(from), current);
        return parts;
    }

    private static Heading lastOnOrBefore(DocumentOutline outline, int page) {
        List<Heading> on = outline.startingOn(page);
        return on.isEmpty() ? outline.inEffectBefore(page) : on.get(on.size() - 1);
    }

    private static void add(List<Part> parts, Element element, String text, Heading heading) {
        if (!text.isBlank()) {
            parts.add(new Part(element.withText(text), heading));
        }
    }

    private static Pattern pattern(String title) {
        return Pattern.compile(SPACE.splitAsStream(title.strip()).map(Pattern::quote).collect(Collectors.joining("\\s+")));
    }
}
