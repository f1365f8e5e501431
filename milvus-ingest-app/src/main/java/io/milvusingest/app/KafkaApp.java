package io.milvusingest.app;

import io.milvusingest.config.KafkaConfig;
import io.milvusingest.kafka.KafkaCoordinator;
import io.milvusingest.kafka.KafkaInbox;
import io.milvusingest.kafka.KafkaPlanner;
import io.milvusingest.kafka.KafkaWorker;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.route.BucketSyncBeans;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.sync.SyncS3Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.Main;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Camel assembly of Kafka mode: a worker is camel-main with {@code routes/kafka-worker.camel.yaml} only, a
 * planner with {@code routes/kafka-planner.camel.yaml} only.
 */
public final class KafkaApp {

    private KafkaApp() {
    }

    /**
     * camel-main with the worker route, the {@code milvus-ingest} component on the runtime, the {@code kafkaWorker}
     * bean (reading objects from {@code sync.bucket} when set) and the {{kafka.*}} placeholders; not started. With
     * {@code kafka.bulk=true} the runtime's pipeline stages import files instead of writing rows.
     *
     * @throws IllegalStateException with kafka.bulk=true when the runtime has no bulk import (Milvus Lite,
     *                               milvus.stream=true) or its pipeline is already built
     */
    public static Main workerMain(AppRuntime runtime, ProgressListener listener, KafkaConfig kafka, Path routesDir) {
        if (kafka.bulk()) { // before anything builds the pipeline
            runtime.stageOnly();
        }
        Main main = CamelApp.camelMain(runtime, listener, List.of(routesDir.resolve(CamelApp.WORKER_ROUTES)), true);
        main.bind(KafkaWorker.BEAN, new KafkaWorker(runtime.config().sync().bucket(),
                runtime.config().limits().maxBytes(), runtime.staging()));
        if (runtime.config().sync().bucket() != null) { // the getObject step's client (#syncS3Client)
            main.bind(BucketSyncBeans.S3_CLIENT, SyncS3Client.create(runtime.config().sync()));
        }
        KafkaPlaceholders.of(kafka).forEach((k, v) -> main.addOverrideProperty((String) k, (String) v));
        return main;
    }

    /**
     * camel-main with the routes of {@code bin/ingest run} in Kafka mode: {@code routes/kafka-inbox.camel.yaml} in
     * place of the drop-folder route (the bucket sync's too when sync.enabled=true), the {@code kafkaInbox} bean and
     * the {{kafka.*}} placeholders; not started.
     */
    public static Main inboxMain(AppRuntime runtime, ProgressListener listener, KafkaConfig kafka, Path routesDir)
            throws IOException {
        List<Path> files = new java.util.ArrayList<>(CamelApp.routeFiles(routesDir, runtime.config().sync().enabled()));
        files.removeIf(f -> f.getFileName().equals(CamelApp.DROP_FOLDER_ROUTES));
        files.add(routesDir.resolve(CamelApp.INBOX_ROUTES));
        Main main = CamelApp.camelMain(runtime, listener, files, true);
        main.bind(KafkaInbox.BEAN, new KafkaInbox());
        Files.createDirectories(kafka.sharedDir());
        KafkaPlaceholders.of(kafka).forEach((k, v) -> main.addOverrideProperty((String) k, (String) v));
        return main;
    }

    /**
     * camel-main with the planner route, the {@code kafkaPlanner} bean and the file-lock cluster service on
     * {@code kafka.planner.lock-dir} that elects the one planner; with {@code kafka.bulk=true} also the coordinator
     * route and its {@code kafkaCoordinator} bean, elected the same way. Not started.
     *
     * @throws IllegalStateException with kafka.bulk=true when the runtime has no bulk import
     */
    public static Main plannerMain(AppRuntime runtime, KafkaConfig kafka, Path routesDir) throws IOException {
        List<Path> routes = new java.util.ArrayList<>(List.of(routesDir.resolve(CamelApp.PLANNER_ROUTES)));
        if (kafka.bulk()) {
            routes.add(routesDir.resolve(CamelApp.COORDINATOR_ROUTES));
        }
        Main main = CamelApp.camelMain(runtime, null, routes, true);
        S3Client s3 = SyncS3Client.create(runtime.config().sync());
        main.bind(BucketSyncBeans.S3_CLIENT, s3);
        main.bind(KafkaPlanner.BEAN, new KafkaPlanner(runtime.config().sync(), s3, runtime.client(),
                runtime.config().milvus().collection()));
        if (kafka.bulk()) {
            if (runtime.importer() == null) {
                throw new IllegalStateException("kafka.bulk=true: the coordinator imports into Milvus through its"
                        + " object storage; it needs a Milvus server (not Milvus Lite) and milvus.stream=false");
            }
            main.bind(KafkaCoordinator.BEAN, new KafkaCoordinator(runtime.importer(), runtime.writer()));
            // the consumer blocks while a job runs: allow the longest job (milvus.bulk.timeout-s) plus headroom
            main.addOverrideProperty("kafka.coordinator.max-poll-interval-ms", Long.toString(
                    runtime.config().bulk().timeout().toMillis() + KafkaConfig.EMBED_HEADROOM_MS));
        }
        Files.createDirectories(kafka.plannerLockDir());
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("kafka-planner");
        cluster.setRoot(kafka.plannerLockDir().toString());
        main.bind("plannerClusterService", cluster);
        KafkaPlaceholders.of(kafka).forEach((k, v) -> main.addOverrideProperty((String) k, (String) v));
        return main;
    }
}
