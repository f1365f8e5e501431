package io.milvusingest.eval;

import java.util.Locale;

/**
 * One question whose answer is on one known page.
 *
 * @param question       the query text, not blank
 * @param expectedSource the document holding the answer: its file name ({@code manual.pdf}), its file name without
 *                       extension ({@code manual}, as NeMo's query CSV gives it), or its {@code source_id}
 * @param expectedPage   the answer's page, 1-based (the first page is 1)
 */
public record EvalQuestion(String question, String expectedSource, int expectedPage) {

    public EvalQuestion {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question is blank");
        }
        if (expectedSource == null || expectedSource.isBlank()) {
            throw new IllegalArgumentException("expected source is blank for question: " + question);
        }
        if (expectedPage < 1) {
            throw new IllegalArgumentException("expected page must be 1-based (>= 1), got " + expectedPage
                    + " for question: " + question);
        }
        expectedSource = expectedSource.strip();
    }

    /**
     * @param sourceId   the hit's {@code source.source_id} (a path or URI), may be null
     * @param sourceName the hit's {@code source.source_name} (the full path or URI), may be null
     * @return whether the hit is from the expected document: equal id, equal name, equal file name of the id, or
     *     equal file name without its extension (case-sensitive, as file names are)
     */
    public boolean isExpectedSource(String sourceId, String sourceName) {
        return expectedSource.equals(sourceId) || matchesName(sourceName) || matchesName(fileName(sourceId));
    }

    private boolean matchesName(String name) {
        return name != null && (expectedSource.equals(name) || expectedSource.equals(stem(name)));
    }

    /** @return the last segment of a path or URI, or null for null */
    static String fileName(String id) {
        if (id == null) {
            return null;
        }
        int slash = Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\'));
        return id.substring(slash + 1);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s p.%d)", question, expectedSource, expectedPage);
    }
}
