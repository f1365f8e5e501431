package io.milvusingest.cli;

import io.milvusingest.app.KafkaApp;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.KafkaConfig;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.RunReport;
import io.milvusingest.runtime.AppRuntime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/ingest worker}: a Kafka worker ({@code routes/kafka-worker.camel.yaml}) until stopped. On SIGTERM
 * camel-main's graceful shutdown lets the documents in flight finish and commit, then the consumers leave the group.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Consume work items from kafka.work-topic in the consumer group kafka.group-id and ingest"
                + " (or delete) each source, until stopped.",
                "Bucket objects are read from sync.bucket (sync.s3.*), files from a folder every worker sees."})
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        ConfigSource source = common.source(Map.of());
        IngestConfig config = IngestConfig.from(source, CommonOptions.home());
        KafkaConfig kafka = KafkaConfig.from(source, config.limits().timeout(), config.pipelining().workers(),
                CommonOptions.home());
        CountDownLatch closed = new CountDownLatch(1);
        try (AppRuntime runtime = AppRuntime.start(config, CommonOptions.home());
             RunReport report = RunReport.open(config.reportDir(), "worker")) {
            ProgressPrinter printer = new ProgressPrinter(System.out);
            Main main = KafkaApp.workerMain(runtime, ProgressListener.both(printer, report), kafka,
                    CommonOptions.home().resolve("routes"));
            System.out.println("worker: " + kafka.consumers() + " consumer(s) of " + kafka.workTopic() + " in group "
                    + kafka.groupId() + " at " + kafka.brokers() + " (collection " + config.milvus().collection() + ")");
            // SIGTERM: as in bin/ingest run, the JVM waits for this thread to stop Camel (the item in flight
            // finishes and commits, the consumers leave the group) before it halts
            Runtime.getRuntime().addShutdownHook(new Thread(() -> RunCommand.awaitQuietly(closed),
                    "milvus-ingest-shutdown"));
            main.run();
            System.out.println(printer.summary().describe());
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
