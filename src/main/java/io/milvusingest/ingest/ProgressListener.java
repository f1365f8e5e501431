package io.milvusingest.ingest;

/** Told about each document's terminal state; implementations print progress and keep the run's counts. */
public interface ProgressListener {
    void succeeded(DocumentResult result);

    /** @param name file name; @param error the failure (classified when it is an {@link IngestException}) */
    void failed(String name, Throwable error);
}
