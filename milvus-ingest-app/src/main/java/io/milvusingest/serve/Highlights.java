package io.milvusingest.serve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a query's terms occur in a hit's text, for highlighting: each query word of at least 2 letters or digits,
 * except common English stop words (the words BM25's English analyzer also drops), matched case-insensitively as a
 * word prefix ({@code vector} marks {@code vectors}, as the analyzer's stemming would match it).
 */
public final class Highlights {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
            "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
            "there", "these", "they", "this", "to", "was", "will", "with", "what", "which", "who", "how", "does",
            "do", "did", "from", "has", "have", "its", "can");

    private Highlights() {
    }

    /** @return the query's terms, lower-case, in order, without stop words or repeats */
    public static List<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!STOP.contains(m.group())) {
                terms.add(m.group());
            }
        }
        return List.copyOf(terms);
    }

    /** @return {@code [start, end)} char offsets of the terms' matches in text, ascending, not overlapping */
    public static List<int[]> offsets(String text, List<String> terms) {
        List<int[]> out = new ArrayList<>();
        if (text == null || terms.isEmpty()) {
            return out;
        }
        StringBuilder alternation = new StringBuilder();
        terms.stream().sorted((a, b) -> b.length() - a.length()).forEach(t ->
                alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(t)));
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")[\\p{L}\\p{N}]*",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }
}
