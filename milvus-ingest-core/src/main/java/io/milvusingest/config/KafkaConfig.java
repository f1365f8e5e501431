package io.milvusingest.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Kafka mode settings ({@code kafka.*} keys); immutable and validated. Keys and defaults are documented in
 * {@code config/application.properties}.
 *
 * @param brokers           bootstrap servers, {@code host:port[,host:port]} ({@code kafka.brokers})
 * @param workTopic         the topic of work items ({@code kafka.work-topic})
 * @param failedTopic       where permanent failures are published ({@code kafka.failed-topic})
 * @param groupId           the workers' consumer group ({@code kafka.group-id})
 * @param consumers         consumers (group members, each with its own thread) per worker process
 *                          ({@code kafka.consumers}, default {@code ingest.workers})
 * @param sessionTimeoutMs  a worker silent this long (killed, partitioned) loses its partitions, in ms
 *                          ({@code kafka.session-timeout-ms})
 * @param maxPollIntervalMs the longest one work item may take before the consumer is thought stuck, in ms
 *                          ({@code kafka.max-poll-interval-ms}); must exceed {@code extract.timeout-ms}
 * @param retryAttempts     attempts of a transient failure inside the worker before the item is handed back to
 *                          Kafka uncommitted and polled again ({@code kafka.retry.attempts})
 * @param plannerLockDir    the folder, shared by every planner instance, whose file lock elects the one planner
 *                          ({@code kafka.planner.lock-dir})
 * @param inbox             whether {@code bin/ingest run}'s drop folder publishes instead of ingesting
 *                          ({@code kafka.inbox})
 * @param sharedDir         where the drop folder in Kafka mode copies documents, a folder every worker mounts at the
 *                          same absolute path ({@code kafka.shared-dir})
 * @param bulk              whether workers stage import files and the coordinator imports them in jobs, instead
 *                          of workers upserting ({@code kafka.bulk})
 * @param stagedTopic       where workers publish the manifests of staged documents ({@code kafka.staged-topic})
 * @param bulkWindowMs      the longest the coordinator collects manifests before it starts a job, in ms
 *                          ({@code kafka.bulk.window-ms})
 */
public record KafkaConfig(String brokers, String workTopic, String failedTopic, String groupId, int consumers,
                          int sessionTimeoutMs, long maxPollIntervalMs, int retryAttempts, Path plannerLockDir,
                          boolean inbox, Path sharedDir, boolean bulk, String stagedTopic,
                          long bulkWindowMs) {

    /**
     * Headroom added to {@code extract.timeout-ms} for the default {@code kafka.max-poll-interval-ms}: Kafka's own
     * default {@code max.poll.interval.ms} (5 minutes), left for embedding and upload of the largest document.
     */
    public static final long EMBED_HEADROOM_MS = 300_000;

    /**
     * @param extractTimeout   {@code extract.timeout-ms}, the longest extraction
     * @param defaultConsumers the default of {@code kafka.consumers} ({@code ingest.workers})
     * @param home             the project directory against which relative paths are resolved
     * @throws ConfigException naming the key of the first invalid value
     */
    public static KafkaConfig from(ConfigSource src, Duration extractTimeout, int defaultConsumers, Path home) {
        IngestConfig.Keys k = new IngestConfig.Keys(src);
        String brokers = k.string("kafka.brokers", "localhost:9092");
        if (!brokers.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*")) {
            throw new ConfigException("kafka.brokers='" + brokers + "' must be host:port[,host:port...]");
        }
        long minPoll = extractTimeout.toMillis();
        long maxPoll = k.positiveLong("kafka.max-poll-interval-ms", minPoll + EMBED_HEADROOM_MS);
        if (maxPoll <= minPoll) {
            throw new ConfigException("kafka.max-poll-interval-ms=" + maxPoll + " must exceed extract.timeout-ms="
                    + minPoll + " (plus the embedding time of the largest document)");
        }
        return new KafkaConfig(brokers, k.string("kafka.work-topic", "milvus-ingest.work"),
                k.string("kafka.failed-topic", "milvus-ingest.failed"), k.string("kafka.group-id", "milvus-ingest"),
                k.atMost("kafka.consumers", defaultConsumers, 64), k.positive("kafka.session-timeout-ms", 45_000),
                maxPoll, k.positive("kafka.retry.attempts", 3),
                home.resolve(k.string("kafka.planner.lock-dir", "./data/planner-lock")).normalize(),
                k.bool("kafka.inbox", false), home.resolve(k.string("kafka.shared-dir", "./data/shared")).normalize(),
                k.bool("kafka.bulk", false), k.string("kafka.staged-topic", "milvus-ingest.staged"),
                k.positiveLong("kafka.bulk.window-ms", 10_000));
    }
}
