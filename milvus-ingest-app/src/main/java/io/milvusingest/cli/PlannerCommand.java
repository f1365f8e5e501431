package io.milvusingest.cli;

import io.milvusingest.app.KafkaApp;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.KafkaConfig;
import io.milvusingest.runtime.AppRuntime;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/ingest planner}: the bucket sync's planning step in Kafka mode ({@code routes/kafka-planner.camel.yaml})
 * until stopped; of all planners sharing {@code kafka.planner.lock-dir}, one plans at a time. With
 * {@code kafka.bulk=true} it also runs the coordinator ({@code routes/kafka-coordinator.camel.yaml}), elected the
 * same way, which imports the workers' staged files.
 */
@Command(name = "planner", mixinStandardHelpOptions = true,
        description = {"Publish a work item to kafka.work-topic for each new, changed or deleted object of"
                + " sync.bucket every sync.delay-ms, until stopped.",
                "Several planners may run: the one holding the lock in kafka.planner.lock-dir plans.",
                "With kafka.bulk=true it also imports the files workers staged (manifests on kafka.staged-topic)."})
final class PlannerCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        ConfigSource source = common.source(Map.of("sync.enabled", "true"));
        IngestConfig config = IngestConfig.from(source, CommonOptions.home());
        KafkaConfig kafka = KafkaConfig.from(source, config.limits().timeout(), config.pipelining().workers(),
                CommonOptions.home());
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home())) {
            System.out.println("planner: " + config.sync().sourceIdPrefix() + " to " + kafka.workTopic() + " at "
                    + kafka.brokers() + " every " + config.sync().delayMs() + " ms (lock " + kafka.plannerLockDir() + ")");
            KafkaApp.plannerMain(runtime, kafka, CommonOptions.home().resolve("routes")).run();
        }
        return 0;
    }
}
