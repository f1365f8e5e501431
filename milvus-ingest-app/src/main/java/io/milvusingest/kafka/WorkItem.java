package io.milvusingest.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One work item of {@code kafka.work-topic}: a reference to a document, never its bytes (Kafka's default message
 * limit is 1 MB, {@code ingest.max-bytes} far more). The record key is {@link #source()}, so every version of a
 * source goes to one partition and is consumed in order. The value is this record as JSON, e.g.
 * {@code {"source":"s3://docs/a.pdf","etag":"9b2c...","size":4321,"op":"upsert"}}.
 *
 * @param source the source id: {@code s3://bucket/key}, or an absolute path on a folder every worker reads
 * @param etag   the object's ETag without quotes (bucket objects), else null
 * @param mtime  the file's last modification, ISO-8601 UTC (shared-folder files), else null
 * @param size   size in bytes as published (0 for a delete)
 * @param op     {@code upsert} (ingest this version) or {@code delete} (remove the source's rows)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkItem(String source, String etag, String mtime, long size, Op op) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What the worker does with the source. */
    public enum Op { upsert, delete }

    /** @return true when the source is a bucket object ({@code s3://}) */
    public boolean inBucket() {
        return source.startsWith("s3://");
    }

    /** @return the bucket of an {@code s3://bucket/key} source */
    public String bucket() {
        return source.substring(5, source.indexOf('/', 5));
    }

    /** @return the key of an {@code s3://bucket/key} source */
    public String key() {
        return source.substring(source.indexOf('/', 5) + 1);
    }

    /** @return the value to publish */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a work item as JSON", e);
        }
    }

    /**
     * @param json a record value of the work topic: a work item, or an S3 event notification as MinIO's Kafka
     *             target (and AWS S3's) publishes it, {@code {"EventName": ..., "Records": [{"eventName":
     *             "s3:ObjectCreated:Put", "s3": {"bucket": {"name": ...}, "object": {"key": URL-encoded, "eTag",
     *             "size"}}}]}}, whose first record is read ({@code s3:ObjectRemoved:*} is a delete)
     * @throws IngestException CORRUPT (stage EXTRACT) for a value that is neither; it is published to
     *                         {@code kafka.failed-topic} like any permanent failure
     */
    public static WorkItem parse(String json) {
        WorkItem item;
        try {
            JsonNode tree = json == null ? null : JSON.readTree(json);
            item = tree == null ? null : tree.has("Records") ? fromS3Event(tree.get("Records").path(0))
                    : JSON.treeToValue(tree, WorkItem.class);
        } catch (JsonProcessingException e) {
            throw new IngestException(ErrorKind.CORRUPT, Stage.EXTRACT, null, null,
                    "not a work item (JSON {source, etag|mtime, size, op}): " + e.getOriginalMessage(), e);
        }
        if (item == null || item.source() == null || item.source().isBlank() || item.op() == null
                || (item.source().startsWith("s3://") && item.source().indexOf('/', 5) < 6)) {
            throw new IngestException(ErrorKind.CORRUPT, Stage.EXTRACT, item == null ? null : item.source(),
                    "a work item needs a source (s3://bucket/key or an absolute path) and an op (upsert|delete)");
        }
        return item;
    }

    private static WorkItem fromS3Event(JsonNode record) {
        JsonNode object = record.path("s3").path("object");
        String bucket = record.path("s3").path("bucket").path("name").asText(null);
        String key = object.path("key").asText(null);
        if (bucket == null || key == null) {
            return null;
        }
        // S3 event keys are URL-encoded (a space arrives as '+')
        String source = "s3://" + bucket + "/" + URLDecoder.decode(key, StandardCharsets.UTF_8);
        if (record.path("eventName").asText("").startsWith("s3:ObjectRemoved")) {
            return new WorkItem(source, null, null, 0, Op.delete);
        }
        String etag = object.path("eTag").asText(null);
        return new WorkItem(source, etag == null ? null : etag.replace("\"", ""), null, object.path("size").asLong(0),
                Op.upsert);
    }
}
