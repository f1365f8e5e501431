package io.milvusingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.SyncConfig;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.GroupCommit;
import io.milvusingest.milvus.HashingTestEmbedder;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.MilvusWriter;
import io.milvusingest.model.Chunk;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import io.milvusingest.model.StageTimings;
import io.milvusingest.model.UploadResult;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.s3.MinioExtension;
import io.milvusingest.s3.MinioServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sync cycle without Camel, as a library user drives it: plan, GET with the AWS SDK, download, write, outcome,
 * finish; against a real MinIO and a real Milvus Lite.
 */
@ExtendWith({MilvusLiteExtension.class, MinioExtension.class})
class SyncCycleIT {
    private static final String BUCKET = "sync-cycle-it";
    private static final long MAX_BYTES = 1_000;

    @TempDir
    Path state;

    private final HashingTestEmbedder embedder = new HashingTestEmbedder(32);
    private final List<String> failedNames = new ArrayList<>();

    @Test
    void should_ingest_new_skip_unchanged_record_permanent_failures_and_delete_vanished(MilvusLiteServer lite,
                                                                                       MinioServer minio) {
        String collection = MilvusLiteExtension.collectionName("sync_cycle");
        SyncConfig sync = IngestConfig.from(ConfigSource.load(null, Map.of("sync.bucket", BUCKET,
                "sync.prefix", "docs/", "sync.state-dir", state.toString(),
                "sync.s3.uri-endpoint-override", minio.endpoint(), "sync.s3.force-path-style", "true",
                "sync.s3.access-key", minio.accessKey(), "sync.s3.secret-key", minio.secretKey())),
                Path.of(".")).sync();
        MilvusClientV2 client = MilvusConnector.connect(lite.uri());
        try (S3Client s3 = SyncS3Client.create(sync)) {
            new CollectionManager(client).ensureCollection(collection, embedder.dimension(), false);
            MilvusWriter writer = new MilvusWriter(client, collection);
            s3.createBucket(b -> b.bucket(BUCKET));
            s3.putObject(b -> b.bucket(BUCKET).key("docs/keeper.md"), RequestBody.fromString("albatross count"));
            s3.putObject(b -> b.bucket(BUCKET).key("docs/big.md"), RequestBody.fromString("x".repeat(2_000)));
            try (GroupCommit commit = GroupCommit.of(writer, 0)) {
                SyncCycle cycle = new SyncCycle(sync, MAX_BYTES, collection, writer, commit, listener(), s3);

                SyncSummary first = runCycle(cycle, s3, writer);
                assertThat(counts(first)).containsExactly(2, 1, 0, 0, 0, 1);
                assertThat(failedNames).containsExactly("docs/big.md");
                assertThat(writer.count(Filters.sourceIdEquals("s3://" + BUCKET + "/docs/keeper.md"))).isEqualTo(1);

                SyncSummary second = runCycle(cycle, s3, writer);
                assertThat(counts(second)).as("unchanged and permanently failed: no GET")
                        .containsExactly(2, 0, 0, 0, 2, 0);

                s3.deleteObject(b -> b.bucket(BUCKET).key("docs/keeper.md"));
                SyncSummary third = runCycle(cycle, s3, writer);
                assertThat(third.deletedCount()).isEqualTo(1);
                assertThat(writer.count(Filters.sourceIdEquals("s3://" + BUCKET + "/docs/keeper.md"))).isZero();
            }
        } finally {
            client.close();
        }
    }

    @Test
    void should_fail_the_cycle_as_STORE_UNAVAILABLE_when_the_bucket_cannot_be_listed(MilvusLiteServer lite,
                                                                                     MinioServer minio) {
        SyncConfig sync = IngestConfig.from(ConfigSource.load(null, Map.of("sync.bucket", "no-such-bucket",
                "sync.state-dir", state.toString(), "sync.s3.uri-endpoint-override", minio.endpoint(),
                "sync.s3.force-path-style", "true", "sync.s3.access-key", minio.accessKey(),
                "sync.s3.secret-key", minio.secretKey())), Path.of(".")).sync();
        String collection = MilvusLiteExtension.collectionName("sync_cycle_nobucket");
        MilvusClientV2 client = MilvusConnector.connect(lite.uri());
        try (S3Client s3 = SyncS3Client.create(sync);
             GroupCommit commit = GroupCommit.of(new MilvusWriter(client, collection), 0)) {
            new CollectionManager(client).ensureCollection(collection, embedder.dimension(), false);
            MilvusWriter writer = new MilvusWriter(client, collection);
            SyncCycle cycle = new SyncCycle(sync, MAX_BYTES, collection, writer, commit, listener(), s3);

            assertThatThrownBy(cycle::plan).isInstanceOfSatisfying(IngestException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.STORE_UNAVAILABLE));
            cycle.cycleFailed(new RuntimeException("wrapped", IngestException.of(ErrorKind.STORE_UNAVAILABLE,
                    Stage.EXTRACT, "listing failed").build()));
            assertThat(cycle.failedCycles()).isEqualTo(1);
        } finally {
            client.close();
        }
    }

    /** What the bucket-sync route does, in plain Java: the body of each object is written as one chunk. */
    private SyncSummary runCycle(SyncCycle cycle, S3Client s3, MilvusWriter writer) {
        SyncPlan plan = cycle.plan();
        for (BucketObject object : plan.toIngest()) {
            DownloadedObject downloaded = null;
            try {
                cycle.checkSize(object);
                downloaded = cycle.download(object, s3.getObject(b -> b.bucket(BUCKET).key(object.key())));
                SourceDocument doc = downloaded.document();
                String text = Files.readString(downloaded.file());
                UploadResult upload = writer.write(new EmbeddedDocument(doc, 1,
                        List.of(new Chunk(text, ContentType.TEXT, 1, 0, 2)), embedder.embedPassages(List.of(text))));
                cycle.ingested(plan, downloaded.object(), new DocumentResult(doc, 1, 1, 2, upload.rowsUpserted(),
                        upload.rowsDeleted(), StageTimings.ZERO));
            } catch (Exception e) {
                cycle.failed(plan, object, e);
            } finally {
                if (downloaded != null) {
                    downloaded.delete();
                    assertThat(downloaded.file()).doesNotExist();
                }
            }
        }
        return cycle.finish(plan);
    }

    private ProgressListener listener() {
        return new ProgressListener() {
            @Override
            public void succeeded(DocumentResult result) {
            }

            @Override
            public void failed(String name, Throwable error) {
                failedNames.add(name);
            }
        };
    }

    /** @return listed, new, changed, deleted, skipped, failed */
    private static List<Integer> counts(SyncSummary s) {
        return List.of(s.listedCount(), s.newCount(), s.changedCount(), s.deletedCount(), s.skippedCount(),
                s.failedCount());
    }
}
