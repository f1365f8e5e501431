package io.milvusingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test-side Kafka helpers on one broker: publish work items, read a topic, measure a group's lag. */
public record KafkaTopics(KafkaBroker broker) {

    /** Publishes the items keyed by source id, in order, waiting for each acknowledgement. */
    public void publish(String topic, WorkItem... items) throws ExecutionException, InterruptedException {
        publishRaw(topic, java.util.Arrays.stream(items).map(i -> Map.entry(i.source(), i.toJson())).toList());
    }

    public void publishRaw(String topic, List<Map.Entry<String, String>> records)
            throws ExecutionException, InterruptedException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (Map.Entry<String, String> r : records) {
                producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue())).get();
            }
        }
    }

    /** @return every record of the topic, read from the beginning by a throw-away consumer (no group commit) */
    public List<ConsumerRecord<String, String>> readAll(String topic, Duration wait) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + wait.toMillis();
            while (System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    /** @return the group's committed offsets minus the topic's end offsets, summed over partitions */
    public long lag(String group, String topic) throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int i = 0; i < partitions; i++) {
                latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().mapToLong(e -> e.getValue().offset()
                    - (committed.get(e.getKey()) == null ? 0 : committed.get(e.getKey()).offset())).sum();
        }
    }

    /** @return the group's committed offset of each partition, "p=offset" */
    public String committed(String group) throws ExecutionException, InterruptedException {
        try (Admin admin = broker.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .map(e -> e.getKey().partition() + "=" + e.getValue().offset()).sorted()
                    .collect(Collectors.joining(","));
        }
    }

    /** Waits until the group has consumed and committed the whole topic. */
    public void awaitNoLag(String group, String topic, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        long lag = -1;
        while (System.currentTimeMillis() < deadline) {
            lag = lag(group, topic);
            if (lag == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("group " + group + " still lags " + lag + " records on " + topic + " after " + timeout);
    }
}
