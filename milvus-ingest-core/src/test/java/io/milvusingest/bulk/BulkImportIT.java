package io.milvusingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvus.client.MilvusServiceClient;
import io.milvus.param.ConnectParam;
import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.model.Chunk;
import io.milvusingest.config.BulkConfig;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.milvus.HashingTestEmbedder;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusWriter;
import io.milvusingest.upload.JobOutcome;
import io.milvusingest.upload.StreamOrBulkWriter;
import io.milvusingest.upload.WriteMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bulk import end to end against a real Milvus 2.3.5 on a real MinIO (dense-only collections: 2.3 has no BM25). */
@ExtendWith(BulkStackExtension.class)
class BulkImportIT {
    static final int DIM = 384;
    static final AtomicInteger NAMES = new AtomicInteger();
    static final HashingTestEmbedder EMBEDDER = new HashingTestEmbedder(DIM);

    @TempDir
    Path staging;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void should_import_a_large_job_from_parquet_files_and_find_its_rows_by_search(BulkStack stack) {
        Setup s = setup(stack, "parquet", DIM, 100);
        s.writer.beginJob(-1);
        for (int d = 0; d < 5; d++) {
            s.writer.write(doc("/docs/report-" + d + ".txt", 30, "report " + d));
        }
        JobOutcome outcome = s.writer.endJob();
        assertThat(outcome.error()).isNull();
        assertThat(outcome.mode()).isEqualTo(WriteMode.BULK);
        assertThat(outcome.rows()).isEqualTo(150);
        assertThat(s.stream.count(null)).isEqualTo(150); // 90 streamed before the job reached 100 rows, 60 imported
        assertFound(s, "report 4 chunk 17 about apples and rivers");
    }

    @Test
    void should_split_a_json_job_into_several_files_and_import_every_row(BulkStack stack) {
        Setup s = setup(stack, "json", DIM, 0, 1); // ~4.7 KB per JSON row: 1 MB files hold ~220 rows
        s.writer.beginJob(2000);
        for (int d = 0; d < 4; d++) {
            s.writer.write(doc("/docs/big-" + d + ".txt", 500, "big " + d));
        }
        JobOutcome outcome = s.writer.endJob();
        assertThat(outcome.error()).isNull();
        assertThat(s.stream.count(null)).isEqualTo(2000);
        assertFound(s, "big 2 chunk 499 about apples and rivers");
    }

    @Test
    void should_fail_the_job_with_milvus_reason_when_an_import_file_is_bad(BulkStack stack) throws Exception {
        Setup s = setup(stack, "json", DIM, 0);
        Path bad = Files.writeString(staging.resolve("bad.json"), "this is not json");
        String key = stack.rootPath() + "/bulk-it/bad-" + NAMES.incrementAndGet() + ".json";
        s.store.put(bad, key);
        assertThatThrownBy(() -> s.jobs.await(s.jobs.start(s.collection, List.of(key)),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(200)))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.IMPORT_FAILED))
                .hasMessageContaining("failed to decode the JSON file");
    }

    @Test
    void should_mark_every_document_of_a_job_failed_with_milvus_reason_when_its_import_fails(BulkStack stack) {
        Setup s = setup(stack, "json", 8, 0); // the collection wants 8 dims; the documents carry 384
        s.writer.beginJob(-1);
        s.writer.write(doc("/docs/a.txt", 3, "a"));
        s.writer.write(doc("/docs/b.txt", 2, "b"));
        JobOutcome outcome = s.writer.endJob();
        assertThat(outcome.failed()).extracting(JobOutcome.FailedSource::sourceId).containsExactly("/docs/a.txt", "/docs/b.txt");
        assertThat(outcome.rows()).isZero();
        assertThat(outcome.error().kind()).isEqualTo(ErrorKind.IMPORT_FAILED);
        assertThat(outcome.error().getMessage()).contains("doesn't equal to vector dimension 8 of field 'vector'");
    }

    /** The nearest row to the text's vector has that vector (the hashing embedder may give other texts the same). */
    static void assertFound(Setup s, String text) {
        float[] query = EMBEDDER.embed(text);
        String nearest = DenseCollections.nearestTexts(s.client, s.collection, query, 1).get(0);
        assertThat(EMBEDDER.embed(nearest)).as("nearest: " + nearest).containsExactly(query);
        assertThat(s.stream.count("text == \"" + text + "\"")).isEqualTo(1);
    }

    record Setup(MilvusClientV2 client, String collection, MilvusWriter stream, StreamOrBulkWriter writer,
                 ObjectStore store, ImportJobs jobs) {
    }

    Setup setup(BulkStack stack, String format, int dimension, int threshold) {
        return setup(stack, format, dimension, threshold, 1024);
    }

    Setup setup(BulkStack stack, String format, int dimension, int threshold, int fileMaxMb) {
        MilvusClientV2 client = MilvusConnector.connect(stack.milvusUri());
        MilvusServiceClient v1 = new MilvusServiceClient(ConnectParam.newBuilder().withUri(stack.milvusUri()).build());
        BulkConfig config = stack.config(threshold, format, staging, fileMaxMb);
        ObjectStore store = new ObjectStore(config);
        open.addAll(List.<AutoCloseable>of(client::close, v1::close, store));
        String collection = "bulk_it_" + NAMES.incrementAndGet();
        DenseCollections.create(client, collection, dimension);
        ImportJobs jobs = new ImportJobs(v1);
        MilvusWriter stream = new MilvusWriter(client, collection);
        StreamOrBulkWriter writer = new StreamOrBulkWriter(stream,
                new BulkImporter(client, jobs, store, config, collection), config);
        return new Setup(client, collection, stream, writer, store, jobs);
    }

    /** A document of {@code chunks} one-chunk pages: "<label> chunk <i> about apples and rivers". */
    static EmbeddedDocument doc(String sourceId, int chunks, String label) {
        List<Chunk> list = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            String text = label + " chunk " + i + " about apples and rivers";
            texts.add(text);
            list.add(new Chunk(text, ContentType.TEXT, i + 1, i, 8));
        }
        SourceDocument source = new SourceDocument(Path.of(sourceId), sourceId, Path.of(sourceId).getFileName().toString(),
                100, Instant.parse("2025-01-31T12:00:00Z"));
        return new EmbeddedDocument(source, chunks, list, EMBEDDER.embedPassages(texts));
    }
}
