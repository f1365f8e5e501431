package io.milvusingest.sync;

import java.time.Instant;
import java.util.Locale;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One object of a bucket listing.
 *
 * @param bucket       bucket name
 * @param key          object key
 * @param etag         ETag without the surrounding quotes (hex MD5 for single-part uploads)
 * @param sizeBytes    size in bytes
 * @param lastModified last modification time
 */
public record BucketObject(String bucket, String key, String etag, long sizeBytes, Instant lastModified) {

    /** @return the document's source id in Milvus, {@code s3://bucket/key} */
    public String sourceId() {
        return "s3://" + bucket + "/" + key;
    }

    /** @return the last {@code /}-separated segment of the key */
    public String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** @return the lower-case extension of {@link #name()} without the dot, or "" */
    public String extension() {
        String name = name();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * @param body the GET's body, normally the response stream
     * @return the version actually read: ETag, size and time from the GET response when it has them (the object
     *     may have changed since it was listed), else {@code listed}
     */
    public static BucketObject asRead(BucketObject listed, Object body) {
        if (body instanceof ResponseInputStream<?> s && s.response() instanceof GetObjectResponse r) {
            return new BucketObject(listed.bucket, listed.key, r.eTag() == null ? listed.etag : unquote(r.eTag()),
                    r.contentLength() == null ? listed.sizeBytes : r.contentLength(),
                    r.lastModified() == null ? listed.lastModified : r.lastModified());
        }
        return listed;
    }

    /** @return the ETag as S3 sends it ({@code "abc"}) without the quotes; null stays null */
    static String unquote(String etag) {
        return etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }
}
