package io.milvusingest.embed;

import java.util.List;

/** A dense text embedding model. Implementations are thread-safe. */
public interface Embedder {

    /**
     * Embeds passages (documents being ingested).
     *
     * @param passages texts of at most {@link #maxTokens()} tokens each
     * @return one L2-normalized vector of {@link #dimension()} floats per passage, in input order
     * @throws io.milvusingest.model.IngestException kind EMBEDDING_FAILED, stage EMBED
     */
    List<float[]> embedPassages(List<String> passages);

    /**
     * Embeds passages that were already tokenized with this model's tokenizer, so they are not tokenized again.
     *
     * @param passages the texts, as for {@link #embedPassages(List)}
     * @param tokenIds per passage, its token ids without special tokens, or null where unknown; same size as passages
     * @return as {@link #embedPassages(List)}
     */
    default List<float[]> embedTokenized(List<String> passages, List<long[]> tokenIds) {
        return embedPassages(passages);
    }

    /** Embeds a search query (some models, e.g. BGE, prefix queries with an instruction). */
    float[] embedQuery(String query);

    /**
     * @return the text {@link #embedQuery} puts before a query, counted against {@link #maxTokens()} (BGE's
     *     retrieval instruction); "" when none
     */
    default String queryInstruction() {
        return "";
    }

    /** @return vector dimension, e.g. 384 for bge-small-en-v1.5 */
    int dimension();

    /** @return the most content tokens one input may have (model limit minus special tokens) */
    int maxTokens();

    /**
     * @return passages per inference call this model is configured for ({@code embed.batch-size},
     *     {@code embed.remote.batch-size}); callers that spread work over threads cut it into calls of this size
     */
    default int batchSize() {
        return 1;
    }

    /** @return model name, for logs and metadata */
    String modelName();
}
