package io.milvusingest.app;

import io.milvusingest.bulk.StagedImport;
import io.milvusingest.config.KafkaConfig;
import java.util.Properties;

/**
 * The camel-main properties of Kafka mode: the {{kafka.*}} placeholders of {@code routes/kafka-*.camel.yaml} and
 * the kafka component's bootstrap servers (set once on the component, so every kafka: endpoint, consumer or
 * producer, reaches the same cluster).
 */
public final class KafkaPlaceholders {

    private KafkaPlaceholders() {
    }

    public static Properties of(KafkaConfig k) {
        Properties p = new Properties();
        p.setProperty("camel.component.kafka.brokers", k.brokers());
        p.setProperty("kafka.work-topic", k.workTopic());
        p.setProperty("kafka.failed-topic", k.failedTopic());
        p.setProperty("kafka.group-id", k.groupId());
        p.setProperty("kafka.consumers", Integer.toString(k.consumers()));
        p.setProperty("kafka.session-timeout-ms", Integer.toString(k.sessionTimeoutMs()));
        // Kafka's guidance: heartbeats at most a third of the session timeout, so two may be lost before it expires
        p.setProperty("kafka.heartbeat-interval-ms", Integer.toString(Math.max(1, k.sessionTimeoutMs() / 3)));
        p.setProperty("kafka.max-poll-interval-ms", Long.toString(k.maxPollIntervalMs()));
        p.setProperty("kafka.shared-dir", k.sharedDir().toString());
        p.setProperty("kafka.retry.max-redeliveries", Integer.toString(k.retryAttempts() - 1));
        p.setProperty("kafka.bulk", Boolean.toString(k.bulk()));
        p.setProperty("kafka.staged-topic", k.stagedTopic());
        // the coordinator's own group: it reads every manifest, whatever the workers' group does
        p.setProperty("kafka.coordinator.group-id", k.groupId() + "-coordinator");
        p.setProperty("kafka.bulk.window-ms", Long.toString(k.bulkWindowMs()));
        p.setProperty("kafka.bulk.max-files", Integer.toString(StagedImport.MAX_FILES));
        return p;
    }
}
