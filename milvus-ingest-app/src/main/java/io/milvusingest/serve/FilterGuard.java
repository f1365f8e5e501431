package io.milvusingest.serve;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a search {@code filter} from a request before it reaches Milvus: only a boolean expression over this
 * schema's fields ({@code source[...]}, {@code content_metadata[...]}, {@code text}, {@code pk}) with literals,
 * comparisons, {@code in}, {@code like}, {@code and}/{@code or}/{@code not} and parentheses passes. Any other name
 * (another collection's or field's), function call ({@code json_contains(...)}, {@code text_match(...)}), template
 * placeholder or statement is refused, so a filter can only narrow a search of the collection it was sent to.
 * At most {@value #MAX_LENGTH} characters.
 */
public final class FilterGuard {
    /** Longest filter accepted, characters. */
    public static final int MAX_LENGTH = 1024;
    private static final Set<String> FIELDS = Set.of("source", "content_metadata", "text", "pk");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "in", "like", "true", "false");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|(\"(?:[^\"\\\\]|\\\\.)*\")|('(?:[^'\\\\]|\\\\.)*')|(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)"
                    + "|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|<|>|&&|\\|\\||!|\\(|\\)|\\[|\\]|,)");

    private FilterGuard() {
    }

    /**
     * @return the filter, stripped; null when null or blank
     * @throws ApiError 400 (param {@code filter}) naming what is not allowed
     */
    public static String check(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        if (filter.length() > MAX_LENGTH) {
            throw ApiError.invalid("filter", "filter is longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = TOKEN.matcher(filter);
        int pos = 0;
        int depth = 0;
        while (pos < filter.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw ApiError.invalid("filter", "filter: unexpected character at offset " + pos);
            }
            String word = m.group(4);
            if (word != null) {
                String lower = word.toLowerCase(Locale.ROOT);
                if (!FIELDS.contains(word) && !WORDS.contains(lower)) {
                    throw ApiError.invalid("filter", "filter may name only the fields " + FIELDS + ", not '"
                            + word + "'");
                }
                if (FIELDS.contains(word) && filter.startsWith("(", skipSpaces(filter, m.end()))) {
                    throw ApiError.invalid("filter", "filter may not call functions");
                }
            }
            String op = m.group(5);
            if (op != null) {
                depth += op.equals("(") || op.equals("[") ? 1 : op.equals(")") || op.equals("]") ? -1 : 0;
                if (depth < 0) {
                    throw ApiError.invalid("filter", "filter: unbalanced brackets");
                }
            }
            pos = m.end();
        }
        if (depth != 0) {
            throw ApiError.invalid("filter", "filter: unbalanced brackets");
        }
        return filter.strip();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
