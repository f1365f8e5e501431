package io.milvusingest.store;

import java.io.IOException;

/** Where the store task writes: a local folder or an S3 bucket prefix. Implementations are thread-safe. */
interface StoreSink extends AutoCloseable {

    /**
     * @param key   {@code {source name}/{index}.{ext}}, already checked to stay under the sink's root
     * @param bytes the content
     * @return the URI of what was written ({@code file:///...} or {@code s3://bucket/key})
     * @throws IOException      when the folder cannot be written
     * @throws RuntimeException from the S3 client when the bucket cannot be written
     */
    String put(String key, byte[] bytes) throws IOException;

    /** @return the root, for messages */
    String describe();

    @Override
    default void close() {
    }
}
