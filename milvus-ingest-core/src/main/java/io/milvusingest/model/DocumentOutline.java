package io.milvusingest.model;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A document's title and the section heading in effect on each page, for the context prefixed to embedded text
 * ({@code embed.context-prefix}).
 *
 * @param title     the document's title (e.g. PDF metadata), or null
 * @param headings  by 1-based page: the heading path ({@code Chapter > Section}) of the last heading that starts on
 *                  or before that page; pages before the first heading have none
 */
public record DocumentOutline(String title, NavigableMap<Integer, String> headings) {
    /** No title, no headings. */
    public static final DocumentOutline NONE = new DocumentOutline(null, new TreeMap<>());
    /** Longest context returned by {@link #context(int)}, in characters. */
    public static final int MAX_CONTEXT_CHARS = 160;

    public DocumentOutline {
        title = title == null || title.isBlank() ? null : title.strip();
        headings = Collections.unmodifiableNavigableMap(new TreeMap<>(headings));
    }

    /** @param headings by page, as for the record component */
    public static DocumentOutline of(String title, Map<Integer, String> headings) {
        return new DocumentOutline(title, new TreeMap<>(headings));
    }

    /**
     * @param page 1-based page, 0 for page-less content
     * @return {@code title > heading path} in effect on that page (either part alone when the other is unknown),
     *     cut to {@link #MAX_CONTEXT_CHARS} characters; null when there is neither
     */
    public String context(int page) {
        Map.Entry<Integer, String> heading = page < 1 ? null : headings.floorEntry(page);
        String h = heading == null ? null : heading.getValue();
        String context = title == null ? h : h == null ? title : title + " > " + h;
        return context == null || context.length() <= MAX_CONTEXT_CHARS ? context
                : context.substring(0, MAX_CONTEXT_CHARS);
    }
}
