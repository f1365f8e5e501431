package io.milvusingest.runtime;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.Embedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.embed.OpenAiEmbedder;
import org.slf4j.LoggerFactory;

/**
 * The embedder, the tokenizer chunks are measured with, and what to close with them.
 *
 * @param embedder  the embedding model
 * @param tokenizer measures chunk sizes
 * @param resources closed by {@link #close()}
 */
public record EmbeddingModel(Embedder embedder, ModelTokenizer tokenizer, AutoCloseable resources)
        implements AutoCloseable {

    /**
     * {@code embed.provider=local}: the in-process bge-small; {@code openai}: the remote service (its start-up
     * probe checks the dimension), chunks measured with bge-small's tokenizer.
     *
     * @throws IllegalStateException when the remote service fails its probe or has another dimension
     */
    public static EmbeddingModel load(IngestConfig config) {
        if (config.remoteEmbedder() == null) {
            BgeSmallEmbedder bge = new BgeSmallEmbedder(
                    new BgeSmallEmbedder.Options(config.embedBatchSize(), config.embedThreads()));
            return new EmbeddingModel(bge, bge.tokenizer(), bge);
        }
        ModelTokenizer tokenizer = ModelTokenizer.bgeSmallEnV15();
        try {
            return new EmbeddingModel(new OpenAiEmbedder(config.remoteEmbedder()), tokenizer, tokenizer);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** @return a model around an embedder its caller owns, measured with bge-small's tokenizer (closed here) */
    public static EmbeddingModel of(Embedder embedder) {
        ModelTokenizer tokenizer = ModelTokenizer.bgeSmallEnV15();
        return new EmbeddingModel(embedder, tokenizer, tokenizer);
    }

    /** Closes the resources; never throws. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(EmbeddingModel.class).debug("closing the model: {}", e.toString());
        }
    }
}
