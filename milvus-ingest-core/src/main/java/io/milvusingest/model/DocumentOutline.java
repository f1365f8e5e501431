package io.milvusingest.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A document's title and section headings by page, for the context prefixed to embedded text
 * ({@code embed.context-prefix}) and cuts at headings ({@code chunk.by-heading}).
 *
 * @param title    the document's title (e.g. PDF metadata), or null
 * @param headings by 1-based page: the headings that start on that page, in reading order
 */
public record DocumentOutline(String title, NavigableMap<Integer, List<Heading>> headings) {
    /** No title, no headings. */
    public static final DocumentOutline NONE = new DocumentOutline(null, new TreeMap<>());
    /** Longest context returned by {@link #context(int)}, in characters. */
    public static final int MAX_CONTEXT_CHARS = 160;

    /**
     * @param title the heading's own text, e.g. {@code 5.1 Installing Why3}
     * @param path  the titles from the top level down to it, joined by {@code " > "}
     */
    public record Heading(String title, String path) {
    }

    public DocumentOutline {
        title = title == null || title.isBlank() ? null : title.strip();
        TreeMap<Integer, List<Heading>> copy = new TreeMap<>();
        headings.forEach((page, list) -> copy.put(page, List.copyOf(list)));
        headings = Collections.unmodifiableNavigableMap(copy);
    }

    /** @param headings by page, in reading order on each page */
    public static DocumentOutline of(String title, Map<Integer, List<Heading>> headings) {
        return new DocumentOutline(title, new TreeMap<>(headings));
    }

    /** @return an outline whose only heading per page is the given path (its title is the path's last part) */
    public static DocumentOutline ofPaths(String title, Map<Integer, String> paths) {
        Map<Integer, List<Heading>> headings = new TreeMap<>();
        paths.forEach((page, path) -> {
            int last = path.lastIndexOf(" > ");
            headings.put(page, new ArrayList<>(List.of(new Heading(last < 0 ? path : path.substring(last + 3), path))));
        });
        return of(title, headings);
    }

    /** @return the last heading starting before the page (in effect at its top), or null */
    public Heading inEffectBefore(int page) {
        Map.Entry<Integer, List<Heading>> before = page < 2 ? null : headings.floorEntry(page - 1);
        return before == null ? null : before.getValue().get(before.getValue().size() - 1);
    }

    /** @return the headings that start on the page, in reading order; empty when none */
    public List<Heading> startingOn(int page) {
        return headings.getOrDefault(page, List.of());
    }

    /**
     * @param page 1-based page, 0 for page-less content
     * @return {@code title > heading path} of the last heading starting on or before that page (either part alone
     *     when the other is unknown), cut to {@link #MAX_CONTEXT_CHARS} characters; null when there is neither
     */
    public String context(int page) {
        return context(inEffectOn(page));
    }

    /**
     * @param page 1-based page, 0 for page-less content
     * @return the last heading starting on or before that page, or null (none, or page-less)
     */
    public Heading inEffectOn(int page) {
        Map.Entry<Integer, List<Heading>> on = page < 1 ? null : headings.floorEntry(page);
        return on == null ? null : on.getValue().get(on.getValue().size() - 1);
    }

    /** @return as {@link #context(int)}, for a given heading (null: the title alone) */
    public String context(Heading heading) {
        String h = heading == null ? null : heading.path();
        String context = title == null ? h : h == null ? title : title + " > " + h;
        return context == null || context.length() <= MAX_CONTEXT_CHARS ? context
                : context.substring(0, MAX_CONTEXT_CHARS);
    }
}
