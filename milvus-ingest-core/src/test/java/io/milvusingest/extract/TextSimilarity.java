package io.milvusingest.extract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word-level similarity of two extracted texts, for comparing our output with NeMo Retriever's.
 *
 * <p>Texts are lower-cased and cut into words at every character that is neither a letter nor a digit, so
 * whitespace, CRLF vs LF, trailing spaces and punctuation glitches (NeMo's "Gira@e" for the "ff" ligature splits
 * into the same words as ours) do not count. The score is 1 - (word-level Levenshtein distance / longer length):
 * unlike a bag-of-words measure it also drops when the reading order differs.
 */
final class TextSimilarity {

    private TextSimilarity() {
    }

    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** @return similarity in [0, 1]; 1 when both texts have the same words in the same order */
    static double similarity(String a, String b) {
        List<String> x = words(a);
        List<String> y = words(b);
        int longer = Math.max(x.size(), y.size());
        return longer == 0 ? 1.0 : 1.0 - (double) distance(x, y) / longer;
    }

    /**
     * @return the share of {@code expected}'s words found in {@code actual} in the same order (longest common
     *     subsequence of words / words of expected), in [0, 1]; 1 when expected has no words. Unlike
     *     {@link #similarity} it does not drop when {@code actual} holds more (other pages, other elements).
     */
    static double coverage(String expected, String actual) {
        List<String> x = words(expected);
        List<String> y = words(actual);
        if (x.isEmpty()) {
            return 1.0;
        }
        int[] previous = new int[y.size() + 1];
        int[] current = new int[y.size() + 1];
        for (int i = 1; i <= x.size(); i++) {
            for (int j = 1; j <= y.size(); j++) {
                current[j] = x.get(i - 1).equals(y.get(j - 1)) ? previous[j - 1] + 1
                        : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (double) previous[y.size()] / x.size();
    }

    private static int distance(List<String> x, List<String> y) {
        int[] previous = new int[y.size() + 1];
        int[] current = new int[y.size() + 1];
        for (int j = 0; j <= y.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.size(); j++) {
                int substitution = previous[j - 1] + (x.get(i - 1).equals(y.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.size()];
    }
}
