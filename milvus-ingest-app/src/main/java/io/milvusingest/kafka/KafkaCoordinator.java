package io.milvusingest.kafka;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.bulk.BulkImporter;
import io.milvusingest.bulk.StagedImport;
import io.milvusingest.milvus.MilvusStore;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code kafkaCoordinator}: the steps of {@code routes/kafka-coordinator.camel.yaml} for one batch of manifests
 * (the records of {@code kafka.staged-topic} polled within {@code kafka.bulk.window-ms}, one exchange each):
 * {@link #importBatch} imports them in Milvus import jobs, {@link #commit} commits every record of the batch.
 *
 * <p>Of several manifests of one source in a batch, the last wins (records of one source share a partition, so
 * this is publication order); the others' files are never imported. Before each job the job's sources' rows are
 * deleted (an import inserts), so a batch redelivered after a crash imports the same rows again, not twice.
 * Staged files are deleted from the bucket only after the commit, so such a redelivery still finds them.
 */
public final class KafkaCoordinator {
    /** Bean name used by {@code routes/kafka-coordinator.camel.yaml}. */
    public static final String BEAN = "kafkaCoordinator";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCoordinator.class);
    private static final String FILES = "kafka.coordinator.files";
    private static final String RECORDS = "kafka.coordinator.records";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BulkImporter importer;
    private final MilvusStore writer;

    /** @param importer imports into, and {@code writer} deletes from, the same collection */
    public KafkaCoordinator(BulkImporter importer, MilvusStore writer) {
        this.importer = importer;
        this.writer = writer;
    }

    /** A record of the staged topic, as {@link KafkaWorker#manifest} writes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Manifest(String source, String op, List<String> files, long rows, JsonNode item) {
    }

    /**
     * A failure to publish to {@code kafka.failed-topic}.
     *
     * @param source the record key (the source id)
     * @param json   the value, as {@link KafkaWorker#failure} writes it
     */
    public record Failure(String source, String json) {
    }

    /**
     * Imports a batch: jobs of at most {@link StagedImport#MAX_FILES} files, each awaited until its rows are
     * searchable.
     *
     * @param batch body: the batch's record exchanges, in poll order
     * @return the failures to publish to {@code kafka.failed-topic}:
     *     one per document of a failed job (IMPORT_FAILED, or TIMEOUT), one per unreadable manifest (CORRUPT)
     * @throws IngestException STORE_UNAVAILABLE when Milvus or the bucket cannot be reached: nothing of the batch
     *                         is committed, and it is polled again
     */
    public List<Failure> importBatch(Exchange batch) {
        List<Exchange> polled = records(batch);
        batch.setProperty(RECORDS, polled);
        List<Failure> failures = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Map<String, Manifest> latest = new LinkedHashMap<>();
        Map<Manifest, Exchange> records = new IdentityHashMap<>();
        for (Exchange r : polled) {
            Manifest m = parse(r, failures);
            if (m != null) {
                records.put(m, r);
                files.addAll(m.files());
                latest.remove(m.source()); // keep publication order of the survivors
                latest.put(m.source(), m);
            }
        }
        List<Manifest> job = new ArrayList<>();
        int jobFiles = 0;
        for (Manifest m : latest.values()) {
            if (jobFiles + m.files().size() > StagedImport.MAX_FILES && !job.isEmpty()) {
                runJob(job, records, failures);
                job.clear();
                jobFiles = 0;
            }
            job.add(m);
            jobFiles += m.files().size();
        }
        if (!job.isEmpty()) {
            runJob(job, records, failures);
        }
        batch.setProperty(FILES, files);
        return failures;
    }

    /**
     * Commits the batch: for each partition, its last record's offset (a synchronous commit on the consumer's own
     * thread, since the route runs on it); then deletes the staged files.
     */
    @SuppressWarnings("unchecked")
    public void commit(Exchange batch) {
        Map<Object, Exchange> last = new LinkedHashMap<>();
        for (Exchange r : (List<Exchange>) batch.getProperty(RECORDS, List.class)) {
            last.put(r.getIn().getHeader(KafkaConstants.PARTITION), r); // poll order: offsets ascend per partition
        }
        for (Exchange r : last.values()) {
            KafkaManualCommit commit = r.getIn().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit == null) {
                throw new IllegalStateException("the coordinator's consumer must allow manual commits");
            }
            commit.commit();
        }
        List<String> files = batch.getProperty(FILES, List.class);
        if (files != null) {
            importer.deleteFiles(files);
        }
    }

    private void runJob(List<Manifest> job, Map<Manifest, Exchange> records, List<Failure> failures) {
        List<String> keys = job.stream().flatMap(m -> m.files().stream()).toList();
        writer.deleteSources(job.stream().map(Manifest::source).toList()); // import inserts: drop earlier versions
        if (keys.isEmpty()) {
            return; // deletes only
        }
        try {
            long rows = importer.importFiles(keys);
            LOG.info("coordinator: one import job of {} file(s), {} document(s), {} rows", keys.size(), job.size(), rows);
        } catch (IngestException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.error("coordinator: import job failed; its {} document(s) are published as failed: {}", job.size(),
                    e.getMessage());
            for (Manifest m : job) {
                if (!m.files().isEmpty()) {
                    Exchange r = records.get(m);
                    failures.add(new Failure(m.source(), KafkaWorker.failureRecord(m.source(), e.withSource(m.source()), m.item(),
                            r.getIn().getHeader(KafkaConstants.TOPIC), r.getIn().getHeader(KafkaConstants.PARTITION),
                            r.getIn().getHeader(KafkaConstants.OFFSET))));
                }
            }
        }
    }

    private static Manifest parse(Exchange r, List<Failure> failures) {
        String value = r.getIn().getBody(String.class);
        try {
            Manifest m = JSON.readValue(value, Manifest.class);
            if (m.source() == null || m.files() == null) {
                throw new IOException("a manifest needs source and files");
            }
            return m;
        } catch (IOException e) {
            String key = r.getIn().getHeader(KafkaConstants.KEY, String.class);
            failures.add(new Failure(key, KafkaWorker.failureRecord(key, IngestException.of(ErrorKind.CORRUPT, Stage.UPLOAD,
                            "not a manifest: " + e.getMessage()).cause(e).build(), value,
                    r.getIn().getHeader(KafkaConstants.TOPIC), r.getIn().getHeader(KafkaConstants.PARTITION),
                    r.getIn().getHeader(KafkaConstants.OFFSET))));
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Exchange> records(Exchange batch) {
        return batch.getIn().getBody(List.class);
    }
}
