package io.milvusingest.extract;

import io.milvusingest.model.Extraction;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies {@link ExtractLimits} around another extractor: size before parsing, pages after, and a
 * wall-clock budget around the whole extraction. Thread-safe.
 *
 * <p>Parsers do not stop when interrupted, so a document over its budget is abandoned, not killed: its
 * worker is a daemon thread that is interrupted and left to finish or die with the JVM, while the
 * route goes on. Each abandoned worker is logged by the caller's failure path (kind TIMEOUT).
 */
public final class GuardedExtractor implements Extractor, AutoCloseable {
    private static final AtomicInteger WORKERS = new AtomicInteger();
    private final Extractor delegate;
    private final ExtractLimits limits;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "extract-" + WORKERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public GuardedExtractor(Extractor delegate, ExtractLimits limits) {
        this.delegate = delegate;
        this.limits = limits;
    }

    /**
     * @throws IngestException TOO_LARGE over {@code maxBytes} or {@code maxPages}; TIMEOUT over the budget;
     *                         otherwise what the delegate throws
     */
    @Override
    public Extraction extract(SourceDocument document) {
        long size = sizeOf(document);
        if (size > limits.maxBytes()) {
            throw ExtractFailures.failure(ErrorKind.TOO_LARGE, document, "file is " + size + " bytes, over "
                    + "ingest.max-bytes=" + limits.maxBytes());
        }
        Future<Extraction> work = workers.submit(() -> delegate.extract(document));
        Extraction extraction;
        try {
            extraction = work.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            throw ExtractFailures.failure(ErrorKind.TIMEOUT, document, "extraction took over "
                    + "extract.timeout-ms=" + limits.timeout().toMillis() + " ms; abandoned");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            // a parser blowing the stack or the heap is the document's doing (deep nesting, a bomb)
            if (cause instanceof StackOverflowError) {
                throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null, "parser recursion too deep", cause);
            }
            if (cause instanceof OutOfMemoryError) {
                throw ExtractFailures.failure(ErrorKind.TOO_LARGE, document, null, "parser ran out of memory", cause);
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw ExtractFailures.failure(ErrorKind.TIMEOUT, document, "interrupted while extracting");
        }
        if (extraction.pages() > limits.maxPages()) {
            throw ExtractFailures.failure(ErrorKind.TOO_LARGE, document, extraction.pages() + " pages, over "
                    + "ingest.max-pages=" + limits.maxPages());
        }
        return extraction;
    }

    private static long sizeOf(SourceDocument document) {
        try {
            return Files.size(document.path());
        } catch (IOException e) {
            throw ExtractFailures.failure(ErrorKind.CORRUPT, document, null,
                    "cannot read file: " + ExtractFailures.describe(e), e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
