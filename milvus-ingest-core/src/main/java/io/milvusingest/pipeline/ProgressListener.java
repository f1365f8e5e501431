package io.milvusingest.pipeline;

import io.milvusingest.model.DocumentResult;

/** Told about each document's terminal state; implementations print progress and keep the run's counts. */
public interface ProgressListener {
    void succeeded(DocumentResult result);

    /** @param name file name; @param error the failure (classified when it is an {@link IngestException}) */
    void failed(String name, Throwable error);

    /** @return a listener telling {@code first}, then {@code second} */
    static ProgressListener both(ProgressListener first, ProgressListener second) {
        return new ProgressListener() {
            @Override
            public void succeeded(DocumentResult result) {
                first.succeeded(result);
                second.succeeded(result);
            }

            @Override
            public void failed(String name, Throwable error) {
                first.failed(name, error);
                second.failed(name, error);
            }
        };
    }
}
