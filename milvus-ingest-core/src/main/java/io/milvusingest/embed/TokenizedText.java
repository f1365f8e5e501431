package io.milvusingest.embed;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text and its model tokens (without special tokens), each token mapped back to the characters it
 * came from, so the text can be sliced at token boundaries.
 *
 * <p>Character offsets are Java {@code String} indices (UTF-16 code units) into {@link #text()}. Between
 * two tokens there may be characters that produce no token (whitespace, and control or format characters
 * the tokenizer's normalizer drops).
 *
 * <p>Immutable.
 */
public final class TokenizedText {
    private final String text;
    private final long[] ids;
    private final String[] tokens;
    private final int[] starts;
    private final int[] ends;

    TokenizedText(String text, long[] ids, String[] tokens, int[] starts, int[] ends) {
        this.text = text;
        this.ids = ids;
        this.tokens = tokens;
        this.starts = starts;
        this.ends = ends;
    }

    /** @return the text that was tokenized */
    public String text() {
        return text;
    }

    /** @return the number of tokens */
    public int size() {
        return ids.length;
    }

    /** @return a copy of all token ids, in order */
    public long[] ids() {
        return ids.clone();
    }

    /**
     * @return a copy of the ids of tokens {@code from} (inclusive) to {@code to} (exclusive)
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
     */
    public long[] ids(int from, int to) {
        Objects.checkFromToIndex(from, to, ids.length);
        return Arrays.copyOfRange(ids, from, to);
    }

    /** @return the vocabulary id of token {@code i} */
    public long id(int i) {
        return ids[i];
    }

    /** @return the vocabulary string of token {@code i}, e.g. {@code "token"} or {@code "##ization"} */
    public String token(int i) {
        return tokens[i];
    }

    /** @return the index in {@link #text()} of the first character of token {@code i} */
    public int start(int i) {
        return starts[i];
    }

    /** @return the index in {@link #text()} just past the last character of token {@code i} */
    public int end(int i) {
        return ends[i];
    }

    /**
     * @return true when token {@code i} begins a word, i.e. it is not a WordPiece continuation
     *         ({@code "##..."}); splitting the text before such a token does not cut a word
     */
    public boolean isWordStart(int i) {
        String t = tokens[i];
        return !(t.length() > 2 && t.startsWith("##"));
    }

    /**
     * @return the verbatim slice of the text covering tokens {@code from} (inclusive) to {@code to}
     *         (exclusive): from the first token's first character to the last token's last character
     */
    public String slice(int from, int to) {
        if (from < 0 || to > ids.length || from >= to) {
            throw new IndexOutOfBoundsException("tokens [" + from + ", " + to + ") of " + ids.length);
        }
        return text.substring(starts[from], ends[to - 1]);
    }
}
