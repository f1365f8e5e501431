package io.milvusingest.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.camel.MilvusIngestConstants;
import io.milvusingest.camel.MilvusIngestOperation;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import io.milvusingest.report.FailureRecord;
import io.milvusingest.sync.BucketObject;
import io.milvusingest.sync.ObjectDownload;
import io.milvusingest.upload.StagedDocument;
import io.milvusingest.upload.StagingWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Bean {@code kafkaWorker}: the steps of {@code routes/kafka-worker.camel.yaml} for one work item: {@link #prepare}
 * (parse, decide where the bytes come from), {@link #download} (bucket objects only), {@link #cleanup}, and
 * {@link #failure} (the record published to {@code kafka.failed-topic}). Stateless between exchanges; the item and
 * its temp file travel as exchange properties.
 */
public final class KafkaWorker {
    /** Bean name used by {@code routes/kafka-worker.camel.yaml}. */
    public static final String BEAN = "kafkaWorker";
    /** Exchange property: the parsed {@link WorkItem}. */
    public static final String ITEM = "kafka.workItem";
    /** Exchange property: true when the item's bytes must be fetched from the bucket first. */
    public static final String FROM_BUCKET = "kafka.fromBucket";
    /** Exchange property: true when the item ends in a manifest for the coordinator ({@code kafka.bulk=true}). */
    public static final String BULK = "kafka.bulk";
    /** Exchange property: true for a delete in bulk mode, which only publishes a manifest (no rows to stage). */
    public static final String MANIFEST_ONLY = "kafka.manifestOnly";
    private static final String TEMP_FILE = "kafka.tempFile";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bucket;
    private final long maxBytes;
    private final StagingWriter staging;

    /**
     * @param bucket   the bucket this worker reads objects from ({@code sync.bucket}), or null when it reads only a
     *                 shared folder
     * @param maxBytes objects and files over this size fail as TOO_LARGE before they are read ({@code ingest.max-bytes})
     */
    public KafkaWorker(String bucket, long maxBytes) {
        this(bucket, maxBytes, null);
    }

    /**
     * @param staging the pipeline's staging writer when {@code kafka.bulk=true} (items end in a manifest), else null
     */
    public KafkaWorker(String bucket, long maxBytes, StagingWriter staging) {
        this.bucket = bucket;
        this.maxBytes = maxBytes;
        this.staging = staging;
    }

    /**
     * Parses the record value and prepares the message for the next step: for a delete, the component's delete
     * operation; for a bucket object, the key to GET (header {@code CamelAwsS3Key}); for a shared-folder file, the
     * file as body.
     *
     * Sets {@value #FROM_BUCKET} to true when the bytes must be fetched from the bucket first.
     *
     * @throws IngestException CORRUPT for a value that is not a work item; UNSUPPORTED for an object of another
     *                         bucket or a relative path; TOO_LARGE over ingest.max-bytes; EMPTY for a file that no
     *                         longer exists (a later delete item of the same source removes its rows)
     */
    public void prepare(Exchange e) {
        WorkItem item = WorkItem.parse(e.getIn().getBody(String.class));
        e.setProperty(ITEM, item);
        e.setProperty(FROM_BUCKET, false);
        e.setProperty(BULK, staging != null);
        e.setProperty(MANIFEST_ONLY, staging != null && item.op() == WorkItem.Op.delete);
        e.getIn().setHeader(MilvusIngestConstants.SOURCE_ID, item.source());
        if (item.op() == WorkItem.Op.delete) {
            e.getIn().setHeader(MilvusIngestConstants.OPERATION, MilvusIngestOperation.delete);
            return;
        }
        e.getIn().setHeader(MilvusIngestConstants.OPERATION, MilvusIngestOperation.ingest);
        if (item.size() > maxBytes) {
            throw new IngestException(ErrorKind.TOO_LARGE, Stage.EXTRACT, item.source(),
                    "the work item says " + item.size() + " bytes; ingest.max-bytes=" + maxBytes);
        }
        if (item.inBucket()) {
            if (!item.bucket().equals(bucket)) {
                throw new IngestException(ErrorKind.UNSUPPORTED, Stage.EXTRACT, item.source(),
                        "this worker reads bucket " + bucket + " (sync.bucket), not " + item.bucket());
            }
            e.getIn().setHeader(AWS2S3Constants.KEY, item.key());
            e.getIn().setBody(null);
            e.setProperty(FROM_BUCKET, true);
            return;
        }
        Path file = Path.of(item.source());
        if (!file.isAbsolute()) {
            throw new IngestException(ErrorKind.UNSUPPORTED, Stage.EXTRACT, item.source(),
                    "a shared-folder source must be an absolute path");
        }
        if (!Files.isRegularFile(file)) {
            throw new IngestException(ErrorKind.EMPTY, Stage.EXTRACT, item.source(), "no such file (deleted since"
                    + " it was published?)");
        }
        e.getIn().setBody(file);
    }

    /**
     * Streams the GET response to a temp file. The rows record the version actually read (ETag, size, time of
     * the GET response), which may be newer than the item's; a later item for that version then finds it in place.
     *
     * @return the document for the {@code milvus-ingest} component
     * @throws IngestException TOO_LARGE when more than ingest.max-bytes arrive; STORE_UNAVAILABLE (transient) when
     *                         the stream breaks
     */
    public SourceDocument download(Exchange e) {
        WorkItem item = e.getProperty(ITEM, WorkItem.class);
        BucketObject listed = new BucketObject(item.bucket(), item.key(), item.etag(), item.size(), Instant.now());
        BucketObject read = BucketObject.asRead(listed, e.getIn().getBody());
        Path file = ObjectDownload.toTempFile(e.getIn().getBody(InputStream.class), read, maxBytes);
        e.setProperty(TEMP_FILE, file);
        return SourceDocument.ofObject(file, read.bucket(), read.key(), read.sizeBytes(), read.lastModified(),
                read.etag());
    }

    /**
     * The manifest of the item as published to {@code kafka.staged-topic} when {@code kafka.bulk=true}:
     * {@code source}, {@code op}, {@code etag}, {@code files} (object keys in Milvus's bucket), {@code rows} and
     * the work item as received ({@code item}). A delete has no files. Sets the record key to the source id.
     *
     * @return the JSON value
     * @throws IllegalStateException when the pipeline staged nothing for the source (a bug)
     */
    public String manifest(Exchange e) {
        WorkItem item = e.getProperty(ITEM, WorkItem.class);
        String source = e.getIn().getHeader(MilvusIngestConstants.SOURCE_ID, item.source(), String.class);
        StagedDocument staged = item.op() == WorkItem.Op.delete ? new StagedDocument(source, null, List.of(), 0)
                : staging.take(source);
        if (staged == null) {
            throw new IllegalStateException("no staged import files for " + source);
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("source", staged.source());
        value.put("op", item.op());
        value.put("etag", staged.etag());
        value.put("files", staged.files());
        value.put("rows", staged.rows());
        value.put("item", item);
        e.getIn().setHeader(KafkaConstants.KEY, source);
        return json(value);
    }

    /** Deletes the item's temp file, if any. */
    public void cleanup(Exchange e) {
        ObjectDownload.deleteQuietly(e.getProperty(TEMP_FILE, Path.class));
    }

    /**
     * The permanent failure of the exchange as published to {@code kafka.failed-topic}: the failure record
     * ({@code kind}, {@code stage}, {@code page}, {@code message}, {@code time}), the {@code source} and the work
     * item as received ({@code item}); the record key stays the source id.
     *
     * @return the JSON value
     */
    public String failure(Exchange e) {
        Throwable error = FailureRecord.rootIngestCause(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        WorkItem item = e.getProperty(ITEM, WorkItem.class);
        String source = item != null ? item.source()
                : error instanceof IngestException ie && ie.source() != null ? ie.source()
                : e.getIn().getHeader(KafkaConstants.KEY, String.class);
        return failureRecord(source, error, item, e.getIn().getHeader(KafkaConstants.TOPIC),
                e.getIn().getHeader(KafkaConstants.PARTITION), e.getIn().getHeader(KafkaConstants.OFFSET));
    }

    /**
     * A failure record as published to {@code kafka.failed-topic} (see {@link #failure(Exchange)}).
     *
     * @param item the record that failed as received (a work item, or a manifest's item), or null
     * @return the JSON value
     */
    public static String failureRecord(String source, Throwable error, Object item, Object topic, Object partition,
                                 Object offset) {
        FailureRecord r = FailureRecord.of(source == null ? null : source.substring(source.lastIndexOf('/') + 1),
                source, error, 1);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("source", source);
        value.put("kind", r.kind());
        value.put("stage", r.stage());
        value.put("page", r.page());
        value.put("message", r.message());
        value.put("time", r.time());
        value.put("item", item);
        value.put("topic", topic);
        value.put("partition", partition);
        value.put("offset", offset);
        return json(value);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a record as JSON", ex);
        }
    }
}
