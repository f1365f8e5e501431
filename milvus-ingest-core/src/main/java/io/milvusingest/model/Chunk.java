package io.milvusingest.model;


import java.util.Arrays;
import java.util.Objects;

/**
 * A span of text small enough for the embedding model.
 *
 * <p>Equality compares {@link #tokenIds()} by content (a record would compare the array's identity).
 *
 * @param text       the chunk text, a verbatim slice of its element's text
 * @param type       content type of the element it came from
 * @param pageNumber 1-based page (0 for page-less formats)
 * @param index      0-based position of the chunk within its document; with the source id it makes the primary key
 * @param tokenCount number of model tokens, excluding the model's special tokens ([CLS]/[SEP])
 * @param element    the element it was cut from (position, page size, image), or null when unknown
 * @param tokenIds   the embedding model's token ids of {@code text} tokenized on its own, without special tokens
 *                   ({@code tokenCount} of them), so the embedder need not tokenize it again; null when unknown.
 *                   Shared, not copied: do not modify
 * @param context    text prefixed to {@code text} when it is embedded, not stored (document title and section
 *                   heading, {@code embed.context-prefix}), or null
 * @param headingPath the outline headings the chunk falls under, top level first, joined by {@code " > "} (PDF
 *                   bookmarks), or null when unknown; stored as {@code content_metadata.custom_content.heading_path}
 */
public record Chunk(String text, ContentType type, int pageNumber, int index, int tokenCount, Element element,
                    long[] tokenIds, String context, String headingPath) {

    /** @return the chunks' model tokens, summed ({@link #tokenCount()}) */
    public static long tokens(java.util.List<Chunk> chunks) {
        return chunks.stream().mapToLong(Chunk::tokenCount).sum();
    }

    /** @throws IllegalArgumentException if {@code tokenIds} is given but does not hold {@code tokenCount} ids */
    public Chunk {
        if (tokenIds != null && tokenIds.length != tokenCount) {
            throw new IllegalArgumentException("chunk " + index + " has " + tokenIds.length + " token ids but a token count of "
                    + tokenCount);
        }
    }

    /** A chunk without heading path. */
    public Chunk(String text, ContentType type, int pageNumber, int index, int tokenCount, Element element,
                 long[] tokenIds, String context) {
        this(text, type, pageNumber, index, tokenCount, element, tokenIds, context, null);
    }

    /** A chunk without context. */
    public Chunk(String text, ContentType type, int pageNumber, int index, int tokenCount, Element element,
                 long[] tokenIds) {
        this(text, type, pageNumber, index, tokenCount, element, tokenIds, null);
    }

    /** @return this chunk with the given embedding context (null for none) */
    public Chunk withContext(String newContext) {
        return new Chunk(text, type, pageNumber, index, tokenCount, element, tokenIds, newContext, headingPath);
    }

    /** @return this chunk under the given outline heading path (null for none) */
    public Chunk withHeadingPath(String path) {
        return new Chunk(text, type, pageNumber, index, tokenCount, element, tokenIds, context, path);
    }

    /**
     * @param maxTokens the embedding model's input limit in tokens
     * @return {@code context + "\n" + text} when there is a context and it fits: text tokens plus context
     *     characters plus one at most {@code maxTokens} (a word-piece token covers at least one character); else the
     *     text
     */
    public String embeddingText(int maxTokens) {
        return prefixed(maxTokens) ? context + "\n" + text : text;
    }

    /** @return the token ids of {@link #embeddingText(int)} when known: {@link #tokenIds()} unless prefixed, else null */
    public long[] embeddingTokenIds(int maxTokens) {
        return prefixed(maxTokens) ? null : tokenIds;
    }

    private boolean prefixed(int maxTokens) {
        return context != null && tokenCount + context.length() + 1 <= maxTokens;
    }

    /** A chunk whose token ids are unknown (the embedder tokenizes its text). */
    public Chunk(String text, ContentType type, int pageNumber, int index, int tokenCount, Element element) {
        this(text, type, pageNumber, index, tokenCount, element, null);
    }

    /** A chunk without its element or token ids (tests, text-only callers). */
    public Chunk(String text, ContentType type, int pageNumber, int index, int tokenCount) {
        this(text, type, pageNumber, index, tokenCount, null, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunk c
                && Objects.equals(text, c.text) && type == c.type && pageNumber == c.pageNumber && index == c.index
                && tokenCount == c.tokenCount && Objects.equals(element, c.element) && Arrays.equals(tokenIds, c.tokenIds)
                && Objects.equals(context, c.context) && Objects.equals(headingPath, c.headingPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, type, pageNumber, index, tokenCount, element, context, headingPath) * 31 + Arrays.hashCode(tokenIds);
    }

    /** Token ids as their count only: a chunk's ids run into the hundreds. */
    @Override
    public String toString() {
        return "Chunk[text=" + text + ", type=" + type + ", pageNumber=" + pageNumber + ", index=" + index
                + ", tokenCount=" + tokenCount + ", element=" + element + ", tokenIds="
                + (tokenIds == null ? "null" : tokenIds.length + " ids") + (context == null ? "" : ", context=" + context)
                + (headingPath == null ? "" : ", headingPath=" + headingPath) + "]";
    }
}
