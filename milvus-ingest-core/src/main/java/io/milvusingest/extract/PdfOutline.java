package io.milvusingest.extract;

import io.milvusingest.model.DocumentOutline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a PDF's title (document information) and its outline (bookmarks) into a {@link DocumentOutline}: each
 * bookmark's page gets the path of titles from the top level down to it. A bookmark without a page, or an outline
 * that cannot be read, is left out: the outline only adds context, so it never fails a document.
 */
final class PdfOutline {
    private static final Logger LOG = LoggerFactory.getLogger(PdfOutline.class);
    /** Deepest bookmark level walked; real outlines are a few levels deep, a cyclic one would be endless. */
    private static final int MAX_DEPTH = 8;
    /** Most bookmarks read from one document. */
    private static final int MAX_ITEMS = 10_000;
    /** Longest bookmark title kept, in characters (a title is matched in page text: bounded work per heading). */
    private static final int MAX_TITLE_CHARS = 200;

    private PdfOutline() {
    }

    static DocumentOutline read(PDDocument pdf, String sourceId) {
        String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
        Map<Integer, List<DocumentOutline.Heading>> headings = new HashMap<>();
        try {
            PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
            if (outline != null) {
                walk(pdf, outline, new ArrayList<>(), headings, new int[] {0});
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: outline not read: {}", sourceId, e.toString());
        }
        return DocumentOutline.of(title, headings);
    }

    /** Pre-order: bookmarks of one page are kept in reading order. */
    private static void walk(PDDocument pdf, PDOutlineNode node, List<String> path,
                             Map<Integer, List<DocumentOutline.Heading>> headings,
                             int[] seen) throws IOException {
        if (path.size() >= MAX_DEPTH) {
            return;
        }
        for (PDOutlineItem item : node.children()) {
            if (++seen[0] > MAX_ITEMS) {
                return;
            }
            String name = item.getTitle() == null ? "" : item.getTitle().replaceAll("\\s+", " ").strip();
            name = name.length() <= MAX_TITLE_CHARS ? name : name.substring(0, MAX_TITLE_CHARS);
            path.add(name);
            PDPage page = item.findDestinationPage(pdf);
            int index = page == null ? -1 : pdf.getPages().indexOf(page);
            if (index >= 0 && !name.isEmpty()) {
                headings.computeIfAbsent(index + 1, p -> new ArrayList<>())
                        .add(new DocumentOutline.Heading(name, String.join(" > ", path)));
            }
            walk(pdf, item, path, headings, seen);
            path.remove(path.size() - 1);
        }
    }
}
