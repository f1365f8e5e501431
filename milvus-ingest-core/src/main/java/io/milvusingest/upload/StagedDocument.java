package io.milvusingest.upload;

import java.util.List;

/**
 * One document's rows as import files in Milvus's bucket, not yet imported: what a Kafka worker publishes to the
 * staged topic for the coordinator.
 *
 * @param source the source id ({@code s3://bucket/key} or an absolute path)
 * @param etag   the version read: the object's ETag, or null for a file
 * @param files  object keys in Milvus's bucket, including Milvus's rootPath; empty for a delete
 * @param rows   rows in those files (one per chunk)
 */
public record StagedDocument(String source, String etag, List<String> files, long rows) {
    public StagedDocument {
        files = List.copyOf(files);
    }
}
