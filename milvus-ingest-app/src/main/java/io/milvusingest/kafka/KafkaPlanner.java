package io.milvusingest.kafka;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.config.SyncConfig;
import io.milvusingest.sync.BucketListing;
import io.milvusingest.sync.BucketObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.s3.S3Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code kafkaPlanner}: the planning step of the bucket sync in Kafka mode ({@code routes/kafka-planner.camel.yaml},
 * run by one instance at a time under {@code master:}). Lists the bucket, reads which version of each object is
 * ingested from the collection ({@link SourceVersions}), and returns the work items: an upsert for each new or
 * changed object, a delete for each source gone from the bucket.
 *
 * <p>Items this planner already published and not yet seen ingested are not published again (an in-memory map,
 * so a planner that takes over publishes them once more; workers ingest idempotently). A version that failed
 * permanently is therefore published once per planner, not once per cycle.
 */
public final class KafkaPlanner {
    /** Bean name used by {@code routes/kafka-planner.camel.yaml}. */
    public static final String BEAN = "kafkaPlanner";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPlanner.class);
    private static final String DELETED = "\u0000deleted";

    private final SyncConfig sync;
    private final S3Client s3;
    private final MilvusClientV2 client;
    private final String collection;
    private final Set<String> include;
    /** Source id to the ETag last published (or {@link #DELETED}), until seen in the collection. */
    private final Map<String, String> published = new ConcurrentHashMap<>();

    /** @param s3 the client of {@code sync.bucket} ({@code SyncS3Client}, from {@code sync.s3.*}) */
    public KafkaPlanner(SyncConfig sync, S3Client s3, MilvusClientV2 client, String collection) {
        this.sync = sync;
        this.s3 = s3;
        this.client = client;
        this.collection = collection;
        this.include = Set.copyOf(sync.include());
    }

    /**
     * @return the work items of this cycle, in key order (upserts, then deletes)
     * @throws io.milvusingest.model.IngestException STORE_UNAVAILABLE when the bucket cannot be listed or Milvus not
     *                                               read (nothing is published; the next cycle tries again)
     */
    public List<WorkItem> plan(Exchange e) {
        List<BucketObject> listing = BucketListing.list(s3, sync.bucket(),
                sync.prefix());
        Map<String, String> ingested = SourceVersions.read(client, collection, sync.sourceIdPrefix());
        List<WorkItem> items = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        int unchanged = 0;
        for (BucketObject o : listing) {
            if (!include.contains(o.extension())) {
                continue;
            }
            listed.add(o.sourceId());
            if (o.etag() != null && o.etag().equals(ingested.get(o.sourceId()))) {
                published.remove(o.sourceId());
                unchanged++;
            } else if (!Objects.equals(o.etag(), published.get(o.sourceId()))) {
                items.add(new WorkItem(o.sourceId(), o.etag(), null, o.sizeBytes(), WorkItem.Op.upsert));
                published.put(o.sourceId(), o.etag());
            }
        }
        if (sync.deletes()) {
            for (String id : ingested.keySet().stream().sorted().toList()) {
                if (!listed.contains(id) && !DELETED.equals(published.get(id))) {
                    items.add(new WorkItem(id, null, null, 0, WorkItem.Op.delete));
                    published.put(id, DELETED);
                }
            }
        }
        published.keySet().removeIf(id -> DELETED.equals(published.get(id)) && !ingested.containsKey(id));
        LOG.info("plan {}: {} listed, {} unchanged, {} work items published", sync.sourceIdPrefix(), listed.size(),
                unchanged, items.size());
        return items;
    }
}
