package io.milvusingest.chunk;

import io.milvusingest.model.Chunk;

import io.milvusingest.embed.Embedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.embed.TokenizedText;
import io.milvusingest.model.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits elements into overlapping windows of model tokens.
 *
 * <p>Each element is tokenized once with the embedding model's tokenizer. Windows hold at most
 * {@code chunk.size} tokens; consecutive windows of one element share {@code chunk.overlap} tokens. A
 * chunk's text is the verbatim slice of the element text from its first token's first character to its
 * last token's last character. Chunks never span two elements, so each keeps its element's page number
 * and content type; {@link Chunk#index()} counts 0..n-1 over the whole element list.
 *
 * <p>Windows are cut between words where possible: a WordPiece continuation ({@code ##xx}) should neither
 * start a chunk nor be split from its word at a chunk's end. For a window starting at token {@code start},
 * the end {@code e} (exclusive) is searched from {@code start + size} backwards, never at or before
 * {@code start + overlap} (so the next window advances) nor at or before the previous window's end:
 * <ol>
 *   <li>the first {@code e} where both {@code e} (this chunk's end) and {@code e - overlap} (the next
 *       chunk's start) begin a word, backing off at most a quarter of the stride,
 *       {@code (size - overlap) / 4} tokens; the next chunk then shares exactly {@code chunk.overlap}
 *       tokens;</li>
 *   <li>else the first {@code e} that begins a word; the next chunk then starts at the beginning of the
 *       word holding token {@code e - overlap} (sharing up to that word's length - 1 more tokens), or, if
 *       that word began at or before {@code start}, at the next word start (sharing fewer tokens, possibly
 *       none);</li>
 *   <li>else (a word too long for the window) {@code start + size}, cutting inside the word.</li>
 * </ol>
 * On ordinary prose with the usual settings, rule 1 always applies: consecutive chunks share exactly
 * {@code chunk.overlap} tokens and no word is cut.
 *
 * <p>Guarantees, for every element: each chunk starts after the previous one's start and ends after its
 * end; no token is left out (each chunk starts at or before the previous chunk's end, the first starts at
 * the first token, the last ends at the last); the text between two chunks, if any, holds no token
 * (whitespace, control characters, combining accents); and every chunk's text, tokenized again on its own,
 * gives exactly {@link Chunk#tokenIds()} ({@link Chunk#tokenCount()} of them), at most {@code chunk.size},
 * so the embedder can use those ids instead of tokenizing again and never sees more than
 * {@link Embedder#maxTokens()}. (Sole exception to the size bound, for {@code chunk.size} 1 to 3 only: a
 * window already down to one word piece that, cut from its word, re-tokenizes into more; in
 * bge-small-en-v1.5's vocabulary a lone continuation piece re-tokenizes into at most 4 tokens. Such a
 * window is kept.) Whitespace-only elements yield no chunks.
 *
 * <p>How the ids are had with one tokenizer pass per element: BERT's tokenizer normalizes one character at a
 * time (drops control and format characters and accents, lowercases, puts spaces around CJK ideographs),
 * splits the text into words at whitespace and punctuation, and only then cuts each word, on its own, into
 * WordPiece tokens. So a window that cuts no word (its first token begins a word, and the token after its
 * last begins the next word or there is none) re-tokenizes into exactly the element's ids {@code from..to};
 * the chunker takes that sub-array, which also has at most {@code chunk.size} ids by construction. This is
 * not checked at run time (that would be the second pass saved); {@code TokenChunkerTest} checks it on every
 * chunk of real PDFs and of text with accents, CJK, combining marks, control characters and emoji. Only a
 * window that cuts a word (rule 3, or a start moved inside a word because no word start was in reach) is
 * tokenized again: a piece cut from its word re-tokenizes differently (a continuation {@code ##xx} loses
 * its prefix, possibly into more pieces), so its ids are that re-tokenization's, and while they exceed
 * {@code chunk.size} the window shrinks and is tokenized again.
 *
 * <p>Thread-safe if the tokenizer is (ours is).
 */
public final class TokenChunker {

    /** Configuration key of the window size, named in validation errors. */
    public static final String SIZE_KEY = "chunk.size";
    /** Configuration key of the overlap, named in validation errors. */
    public static final String OVERLAP_KEY = "chunk.overlap";

    private final ModelTokenizer tokenizer;
    private final int size;
    private final int overlap;

    /**
     * @param tokenizer the embedding model's tokenizer
     * @param embedder  the embedding model the chunks are for (gives the token limit and model name)
     * @param size      {@code chunk.size}: most tokens per chunk, 1..{@link Embedder#maxTokens()}
     * @param overlap   {@code chunk.overlap}: tokens shared by consecutive chunks, 0..size-1
     * @throws IllegalArgumentException naming the offending key when a setting is out of range
     */
    public TokenChunker(ModelTokenizer tokenizer, Embedder embedder, int size, int overlap) {
        this(tokenizer, size, overlap, embedder.maxTokens(), embedder.modelName());
    }

    /**
     * @param tokenizer      the embedding model's tokenizer
     * @param size           {@code chunk.size}: most tokens per chunk, 1..modelMaxTokens
     * @param overlap        {@code chunk.overlap}: tokens shared by consecutive chunks, 0..size-1
     * @param modelMaxTokens the embedding model's limit on content tokens
     * @param modelName      the embedding model's name, for error messages
     * @throws IllegalArgumentException naming the offending key when a setting is out of range
     */
    public TokenChunker(ModelTokenizer tokenizer, int size, int overlap, int modelMaxTokens, String modelName) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        if (size < 1) {
            throw new IllegalArgumentException(SIZE_KEY + "=" + size + " must be at least 1 token");
        }
        if (size > modelMaxTokens) {
            throw new IllegalArgumentException(SIZE_KEY + "=" + size + " exceeds the embedding model's limit of "
                    + modelMaxTokens + " tokens (" + modelName + ")");
        }
        if (overlap < 0) {
            throw new IllegalArgumentException(OVERLAP_KEY + "=" + overlap + " must not be negative");
        }
        if (overlap >= size) {
            throw new IllegalArgumentException(OVERLAP_KEY + "=" + overlap + " must be smaller than "
                    + SIZE_KEY + "=" + size);
        }
        this.size = size;
        this.overlap = overlap;
    }

    /** @return {@code chunk.size} */
    public int size() {
        return size;
    }

    /** @return {@code chunk.overlap} */
    public int overlap() {
        return overlap;
    }

    /**
     * @param elements a document's elements, in reading order
     * @return the document's chunks, indexed 0..n-1 in order; empty if no element has text
     */
    public List<Chunk> split(List<Element> elements) {
        List<Chunk> chunks = new ArrayList<>();
        for (Element element : elements) {
            if (element.text().isBlank()) {
                continue;
            }
            for (Window w : windows(tokenizer.tokenize(element.text()))) {
                chunks.add(new Chunk(w.text(), element.type(), element.pageNumber(), chunks.size(), w.ids().length,
                        element, w.ids()));
            }
        }
        return chunks;
    }

    /**
     * One chunk of an element.
     *
     * @param from first token (inclusive)
     * @param to   last token (exclusive)
     * @param text the verbatim slice of the element text covering those tokens
     * @param ids  the token ids of {@code text} tokenized on its own (without special tokens): the element's
     *             ids {@code from..to} when the window cuts no word, else those of a re-tokenization
     */
    record Window(int from, int to, String text, long[] ids) {
    }

    /** @return the windows over one element's tokens, in order */
    List<Window> windows(TokenizedText tokens) {
        int n = tokens.size();
        List<Window> windows = new ArrayList<>();
        int start = 0;
        int previousEnd = 0;
        while (start < n) {
            int end = chooseEnd(tokens, start, previousEnd);
            String text = tokens.slice(start, end);
            long[] ids;
            if (cutsNoWord(tokens, start, end)) {
                // Whole words re-tokenize into exactly their tokens (class Javadoc): no second tokenizer pass.
                ids = tokens.ids(start, end);
            } else {
                ids = tokenizer.ids(text);
                while (ids.length > size) { // a word cut from its start can re-tokenize into more pieces
                    if (end > Math.max(start + 1, previousEnd + 1)) {
                        end--;
                    } else if (start + 1 < end) {
                        start++; // still reaches past the previous window: give up overlap instead
                    } else {
                        break; // a lone word piece (chunk.size < 4)
                    }
                    text = tokens.slice(start, end);
                    ids = tokenizer.ids(text);
                }
            }
            windows.add(new Window(start, end, text, ids));
            if (end == n) {
                break;
            }
            start = nextStart(tokens, start, end);
            previousEnd = end;
        }
        return windows;
    }

    /**
     * @return true when tokens {@code start..end} are whole words: the first begins a word and the token after
     *         the last (if any) begins the next one
     */
    private static boolean cutsNoWord(TokenizedText tokens, int start, int end) {
        return tokens.isWordStart(start) && (end == tokens.size() || tokens.isWordStart(end));
    }

    /**
     * @param previousEnd end of the previous window of the element (0 for the first); the new window must
     *                    reach past it, which {@code start + size} always does
     */
    private int chooseEnd(TokenizedText tokens, int start, int previousEnd) {
        int n = tokens.size();
        int limit = start + size;
        if (limit >= n) {
            return n;
        }
        // The next window, starting near end - overlap, must start after this one; and this one must reach
        // past the previous one (its start may have been moved back to a word start).
        int minEnd = Math.max(start + overlap + 1, previousEnd + 1);
        int exactFloor = Math.max(minEnd, limit - (size - overlap) / 4);
        for (int e = limit; e >= exactFloor; e--) {
            if (tokens.isWordStart(e) && tokens.isWordStart(e - overlap)) {
                return e;
            }
        }
        for (int e = limit; e >= minEnd; e--) {
            if (tokens.isWordStart(e)) {
                return e;
            }
        }
        return limit;
    }

    private int nextStart(TokenizedText tokens, int start, int end) {
        int next = Math.max(end - overlap, start + 1);
        if (tokens.isWordStart(next)) {
            return next;
        }
        for (int back = next - 1; back > start; back--) {
            if (tokens.isWordStart(back)) {
                return back;
            }
        }
        for (int forward = next + 1; forward <= end; forward++) {
            if (tokens.isWordStart(forward)) {
                return forward;
            }
        }
        return next;
    }
}
