import io.milvus.client.MilvusServiceClient;
import io.milvus.param.ConnectParam;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvusingest.bulk.BulkImporter;
import io.milvusingest.bulk.ImportJobs;
import io.milvusingest.bulk.ObjectStore;
import io.milvusingest.upload.StreamOrBulkWriter;
import io.milvusingest.model.Chunk;
import io.milvusingest.config.BulkConfig;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One benchmark run: writes ROWS synthetic rows (384-dim random unit vectors, ~300-char texts, 100 chunks per
 * document) through the stream path (MilvusWriter upserts + flush) or the bulk path (StreamOrBulkWriter with
 * threshold 0: staged Parquet, MinIO upload, Milvus import job, flush, index wait, load) and prints one CSV line:
 * mode,rows,seconds,rows_per_s,peak_heap_mb,peak_rss_mb,count. Run through bench/run (one JVM per run).
 *
 * Args: MODE(stream|bulk) ROWS MILVUS_URI MINIO_HOST:PORT BUCKET ROOT ACCESS SECRET STAGING_DIR
 */
public class StreamVsBulk {
    static final int DIM = 384;
    static final int CHUNKS_PER_DOC = 100;

    public static void main(String[] a) throws Exception {
        String mode = a[0];
        int rows = Integer.parseInt(a[1]);
        BulkConfig config = IngestConfig.from(ConfigSource.load(null, Map.of("milvus.bulk.endpoint", a[3],
                "milvus.bulk.bucket", a[4], "milvus.bulk.prefix", a[5] + "/bench", "milvus.bulk.access-key", a[6],
                "milvus.bulk.secret-key", a[7], "milvus.bulk.threshold", "0", "milvus.bulk.staging-dir", a[8],
                "milvus.bulk.poll-ms", "500")), Path.of(".")).bulk();
        MilvusClientV2 client = MilvusConnector.connect(a[2]);
        MilvusServiceClient v1 = new MilvusServiceClient(ConnectParam.newBuilder().withUri(a[2]).build());
        String collection = "bench_" + mode + "_" + rows;
        client.dropCollection(DropCollectionReq.builder().collectionName(collection).build());
        create(client, collection);
        MilvusWriter stream = new MilvusWriter(client, collection);
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var mem = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Random random = new Random(42);
        long t0 = System.nanoTime();
        if (mode.equals("stream")) {
            for (int d = 0; d * CHUNKS_PER_DOC < rows; d++) {
                stream.write(doc(d, Math.min(CHUNKS_PER_DOC, rows - d * CHUNKS_PER_DOC), random));
            }
            stream.flush();
        } else {
            try (ObjectStore store = new ObjectStore(config)) {
                StreamOrBulkWriter writer = new StreamOrBulkWriter(stream,
                        new BulkImporter(client, new ImportJobs(v1), store, config, collection), config);
                writer.beginJob(rows);
                for (int d = 0; d * CHUNKS_PER_DOC < rows; d++) {
                    writer.write(doc(d, Math.min(CHUNKS_PER_DOC, rows - d * CHUNKS_PER_DOC), random));
                }
                var outcome = writer.endJob();
                if (outcome.error() != null) {
                    throw outcome.error();
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        long count = stream.count(null);
        System.out.printf(Locale.ROOT, "%s,%d,%.1f,%.0f,%d,%d,%d%n", mode, rows, s, rows / s, peakHeap.get() >> 20,
                peakRssMb(), count);
        client.dropCollection(DropCollectionReq.builder().collectionName(collection).build());
        client.close();
        v1.close();
        System.exit(0);
    }

    static EmbeddedDocument doc(int d, int chunks, Random random) {
        List<Chunk> list = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            StringBuilder text = new StringBuilder("document " + d + " chunk " + i + ":");
            while (text.length() < 300) {
                text.append(" word").append(random.nextInt(10_000));
            }
            list.add(new Chunk(text.toString(), ContentType.TEXT, i / 3 + 1, i, 75));
            float[] v = new float[DIM];
            double norm = 0;
            for (int k = 0; k < DIM; k++) {
                v[k] = (float) random.nextGaussian();
                norm += v[k] * v[k];
            }
            for (int k = 0; k < DIM; k++) {
                v[k] /= (float) Math.sqrt(norm);
            }
            vectors.add(v);
        }
        String id = "/bench/doc-" + d + ".pdf";
        return new EmbeddedDocument(new SourceDocument(Path.of(id), id, "doc-" + d + ".pdf", 1000,
                Instant.parse("2025-01-31T12:00:00Z")), chunks / 3 + 1, list, vectors);
    }

    /** Dense-only (Milvus 2.3 has no BM25); FLAT index, so both paths pay no index build and the write path is measured. */
    static void create(MilvusClientV2 client, String name) {
        CreateCollectionReq.CollectionSchema schema = MilvusClientV2.CreateSchema();
        schema.addField(AddFieldReq.builder().fieldName("pk").dataType(DataType.Int64).isPrimaryKey(true).autoID(false).build());
        schema.addField(AddFieldReq.builder().fieldName("vector").dataType(DataType.FloatVector).dimension(DIM).build());
        schema.addField(AddFieldReq.builder().fieldName("text").dataType(DataType.VarChar).maxLength(65535).build());
        schema.addField(AddFieldReq.builder().fieldName("source").dataType(DataType.JSON).build());
        schema.addField(AddFieldReq.builder().fieldName("content_metadata").dataType(DataType.JSON).build());
        IndexParam flat = IndexParam.builder().fieldName("vector").indexName("dense_index")
                .indexType(IndexParam.IndexType.FLAT).metricType(IndexParam.MetricType.L2).build();
        client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema)
                .indexParams(List.of(flat)).consistencyLevel(ConsistencyLevel.STRONG).build());
    }

    static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }
}
