package io.milvusingest.embed;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spreads one call's passages over a shared pool of inference threads, so several inference calls run on one
 * model at once ({@code embed.parallelism}) whether one document or many are in flight.
 *
 * <p>Passages are ordered by length (token count when known, else characters) and cut into tasks of
 * {@code taskSize} passages, the delegate's own batch size, so each task is one inference batch with little
 * padding; vectors come back in input order and equal the delegate's for the same batches (with
 * {@code embed.batch-size=1}, exactly the delegate's vectors). Tasks of all callers queue FIFO on the one
 * executor (Camel's {@code embed} thread pool in the routes); the calling thread waits for its own tasks. After
 * a task fails, the call's remaining tasks are skipped and the first failure is thrown.
 *
 * <p>Thread-safe when the delegate is. Records when the first task of the process finished
 * ({@link #firstEmbeddedAtMillis()}), for the start-up figure of issue 7.
 */
public final class ParallelEmbedder implements Embedder {
    private final Embedder delegate;
    private final Executor executor;
    private final int taskSize;
    private final AtomicLong firstEmbedded = new AtomicLong();

    /**
     * @param delegate the model; must be thread-safe
     * @param executor runs the inference tasks; its thread count is the number of concurrent inference calls
     * @param taskSize passages per task, {@code >= 1}: the delegate's inference batch size
     */
    public ParallelEmbedder(Embedder delegate, Executor executor, int taskSize) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (taskSize < 1) {
            throw new IllegalArgumentException("taskSize must be >= 1, got " + taskSize);
        }
        this.taskSize = taskSize;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return embedTokenized(passages, null);
    }

    /** {@inheritDoc} {@code tokenIds} may be null (all unknown). */
    @Override
    public List<float[]> embedTokenized(List<String> passages, List<long[]> tokenIds) {
        int n = passages.size();
        float[][] vectors = new float[n][];
        AtomicBoolean failed = new AtomicBoolean();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (List<Integer> slice : LengthBatches.of(n, i -> length(passages, tokenIds, i), taskSize)) {
            tasks.add(CompletableFuture.runAsync(() -> {
                if (failed.get()) {
                    return; // the call already failed: don't spend the model on it
                }
                try {
                    List<String> texts = slice.stream().map(passages::get).toList();
                    List<float[]> out = tokenIds == null ? delegate.embedPassages(texts)
                            : delegate.embedTokenized(texts, slice.stream().map(tokenIds::get).toList());
                    LengthBatches.place(slice, out, vectors);
                    firstEmbedded.compareAndSet(0, System.currentTimeMillis());
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
            }, executor));
        }
        try {
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw IngestException.of(ErrorKind.EMBEDDING_FAILED, Stage.EMBED, String.valueOf(e.getCause()))
                    .cause(e).build();
        }
        return List.of(vectors);
    }

    private static int length(List<String> passages, List<long[]> tokenIds, int i) {
        long[] ids = tokenIds == null ? null : tokenIds.get(i);
        return ids != null ? ids.length : passages.get(i).length();
    }

    /** @return when the first task of this embedder finished, epoch ms ({@link System#currentTimeMillis()}), or 0 */
    public long firstEmbeddedAtMillis() {
        return firstEmbedded.get();
    }

    @Override
    public float[] embedQuery(String query) {
        return delegate.embedQuery(query);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public int maxTokens() {
        return delegate.maxTokens();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }
}
