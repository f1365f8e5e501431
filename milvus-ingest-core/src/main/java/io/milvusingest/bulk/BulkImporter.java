package io.milvusingest.bulk;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvusingest.config.BulkConfig;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs bulk imports into one collection: stage rows into local files ({@link #stage()}), then {@link #load}
 * uploads them to Milvus's bucket, starts the import, polls it, flushes, waits for the indexes and loads the
 * collection, so rows are searchable when it returns; staged objects are deleted unless
 * {@code milvus.bulk.keep-files=true}. Not thread-safe: one job at a time.
 */
public final class BulkImporter {
    private static final Logger LOG = LoggerFactory.getLogger(BulkImporter.class);
    private final MilvusClientV2 client;
    private final ImportJobs jobs;
    private final ObjectStore store;
    private final BulkConfig config;
    private final String collection;
    private ImportLayout layout;

    public BulkImporter(MilvusClientV2 client, ImportJobs jobs, ObjectStore store, BulkConfig config, String collection) {
        this.client = client;
        this.jobs = jobs;
        this.store = store;
        this.config = config;
        this.collection = collection;
    }

    /** @return the import layout of the collection (read once from Milvus) */
    public ImportLayout layout() {
        if (layout == null) {
            layout = ImportLayout.of(client.describeCollection(DescribeCollectionReq.builder()
                    .collectionName(collection).build()).getCollectionSchema());
        }
        return layout;
    }

    /** @return a new, empty job staging its files in a fresh folder under {@code milvus.bulk.staging-dir} */
    public StagedImport stage() {
        try {
            Files.createDirectories(config.stagingDir());
            Path dir = Files.createTempDirectory(config.stagingDir(), "milvus-import-");
            return new StagedImport(layout(), config.format(), dir, config.fileMaxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder in " + config.stagingDir()
                    + " (milvus.bulk.staging-dir)", e);
        }
    }

    /**
     * Imports the staged rows; the caller still owns (and closes) {@code staged}.
     *
     * @return rows imported, as Milvus counts them
     * @throws IngestException IMPORT_FAILED with Milvus's reason; TIMEOUT past {@code milvus.bulk.timeout-s};
     *                         STORE_UNAVAILABLE when MinIO/S3 or Milvus cannot be reached
     */
    public long load(StagedImport staged) {
        List<String> keys = upload(staged);
        try {
            return importFiles(keys);
        } finally {
            if (!keys.isEmpty()) {
                deleteFiles(keys);
            }
        }
    }

    /**
     * Finishes the staged files and uploads them to Milvus's bucket under a fresh folder of
     * {@code milvus.bulk.prefix}; the caller still owns (and closes) {@code staged}.
     *
     * @return the object keys, in order (empty when nothing was staged)
     * @throws IngestException STORE_UNAVAILABLE when the bucket cannot be reached (files uploaded so far are deleted)
     */
    public List<String> upload(StagedImport staged) {
        List<Path> files = staged.finish();
        String jobPrefix = config.prefix() + "/" + UUID.randomUUID();
        List<String> keys = new ArrayList<>();
        try {
            for (Path f : files) {
                String key = jobPrefix + "/" + f.getFileName();
                store.put(f, key);
                keys.add(key);
            }
        } catch (IngestException e) {
            deleteFiles(keys);
            throw e;
        }
        LOG.info("bulk import: {} rows in {} {} file(s) staged at s3://{}/{}/", staged.rows(), files.size(),
                config.format(), config.bucket(), jobPrefix);
        return keys;
    }

    /**
     * Imports files already in Milvus's bucket (at most {@link StagedImport#MAX_FILES}) as one job and waits until
     * its rows are searchable; the files are left in place.
     *
     * @return rows imported, as Milvus counts them
     * @throws IngestException IMPORT_FAILED with Milvus's reason; TIMEOUT past {@code milvus.bulk.timeout-s};
     *                         STORE_UNAVAILABLE when Milvus cannot be reached
     */
    public long importFiles(List<String> keys) {
        long t0 = System.nanoTime();
        long rows = jobs.await(jobs.start(collection, keys), config.timeout(), config.pollInterval());
        makeSearchable();
        LOG.info("bulk import: {} rows imported into {} in {} ms", rows, collection, (System.nanoTime() - t0) / 1_000_000);
        return rows;
    }

    /** Deletes staged objects unless {@code milvus.bulk.keep-files=true}; best effort (a failure is logged). */
    public void deleteFiles(List<String> keys) {
        if (config.keepFiles() || keys.isEmpty()) {
            return;
        }
        try {
            store.delete(keys);
        } catch (RuntimeException e) {
            LOG.warn("bulk import: cannot delete {} staged file(s) such as {}: {}", keys.size(), keys.get(0), e.toString());
        }
    }

    /** Flush, wait until every index covers all rows, then load (or refresh a loaded collection). */
    private void makeSearchable() {
        try {
            client.flush(FlushReq.builder().collectionNames(List.of(collection)).build());
            long deadline = System.nanoTime() + config.timeout().toNanos();
            for (String index : client.listIndexes(io.milvus.v2.service.index.request.ListIndexesReq.builder()
                    .collectionName(collection).build())) {
                while (true) {
                    DescribeIndexResp.IndexDesc d = client.describeIndex(DescribeIndexReq.builder()
                            .collectionName(collection).indexName(index).build()).getIndexDescByIndexName(index);
                    if (d == null || d.getPendingIndexRows() == 0 && d.getIndexedRows() >= d.getTotalRows()) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw IngestException.of(ErrorKind.TIMEOUT, Stage.UPLOAD, "index " + index
                                + " still building after " + config.timeout().toSeconds()
                                + " s (milvus.bulk.timeout-s)").build();
                    }
                    Thread.sleep(config.pollInterval().toMillis());
                }
            }
            boolean loaded = client.getLoadState(GetLoadStateReq.builder().collectionName(collection).build());
            client.loadCollection(LoadCollectionReq.builder().collectionName(collection).refresh(loaded).build());
        } catch (IngestException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "interrupted").cause(e).build();
        } catch (RuntimeException e) {
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "Milvus: making imported rows of "
                    + collection + " searchable failed: " + e.getMessage()).cause(e).build();
        }
    }
}
