package io.milvusingest.sync;

import io.milvusingest.model.SourceDocument;
import java.nio.file.Path;

/**
 * An object version streamed to a local temp file, ready for the pipeline.
 *
 * @param object the version read (ETag, size and time from the GET response when it had them)
 * @param file   the temp file holding its bytes; {@link #delete()} removes it
 */
public record DownloadedObject(BucketObject object, Path file) {

    /** @return the document for the pipeline, source id {@code s3://<bucket>/<key>} */
    public SourceDocument document() {
        return SourceDocument.ofObject(file, object.bucket(), object.key(), object.sizeBytes(), object.lastModified(),
                object.etag());
    }

    /** Deletes the temp file; never throws. */
    public void delete() {
        ObjectDownload.deleteQuietly(file);
    }
}
