package io.milvusingest.bulk;

import io.milvus.client.MilvusServiceClient;
import io.milvus.grpc.GetImportStateResponse;
import io.milvus.grpc.ImportResponse;
import io.milvus.grpc.ImportState;
import io.milvus.param.R;
import io.milvus.param.bulkinsert.BulkInsertParam;
import io.milvus.param.bulkinsert.GetBulkInsertStateParam;
import io.milvus.response.GetBulkInsertStateWrapper;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Milvus import jobs through the gRPC {@code Import} RPC (SDK v1 {@code bulkInsert} and {@code getBulkInsertState}):
 * the RPC every Milvus from 2.3 to 2.6 serves ({@code MilvusClientV2} has no import call, and the REST import of
 * newer servers answers 404 on 2.3). One task per file: Milvus 2.3 takes one row-based file per request.
 */
public final class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private final MilvusServiceClient client;

    /** @param client a v1 client (not closed here) */
    public ImportJobs(MilvusServiceClient client) {
        this.client = client;
    }

    /**
     * Starts one import task per file.
     *
     * @param keys object keys in Milvus's bucket, including Milvus's rootPath (e.g. {@code files/bulk-import/x.parquet})
     * @return task ids, in the order of {@code keys}
     * @throws IngestException IMPORT_FAILED/UPLOAD when Milvus refuses a request (its reason in the message)
     */
    public List<Long> start(String collection, List<String> keys) {
        List<Long> tasks = new ArrayList<>();
        for (String key : keys) {
            R<ImportResponse> r = client.bulkInsert(BulkInsertParam.newBuilder().withCollectionName(collection)
                    .addFile(key).build());
            if (r.getStatus() != R.Status.Success.getCode()) {
                throw failed("Milvus refused to import " + key + ": " + r.getMessage());
            }
            tasks.addAll(r.getData().getTasksList());
        }
        return tasks;
    }

    /**
     * Polls every task until all completed, logging progress (rows imported, percent) at most every 10 s.
     *
     * @param timeout      time allowed for all tasks, from now
     * @param pollInterval pause between polls
     * @return rows imported
     * @throws IngestException IMPORT_FAILED with Milvus's failed reason when a task fails; TIMEOUT when the
     *                         tasks have not completed within {@code timeout}
     */
    public long await(List<Long> tasks, Duration timeout, Duration pollInterval) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextLog = 0;
        Map<Long, GetBulkInsertStateWrapper> states = new LinkedHashMap<>();
        while (true) {
            long rows = 0;
            int done = 0;
            int progress = 0;
            for (Long task : tasks) {
                GetBulkInsertStateWrapper s = states.get(task);
                if (s == null || s.getState() != ImportState.ImportCompleted) {
                    s = state(task);
                    states.put(task, s);
                }
                if (s.getState() == ImportState.ImportFailed || s.getState() == ImportState.ImportFailedAndCleaned) {
                    throw failed("Milvus import task " + task + " (" + s.getFiles() + ") failed: " + s.getFailedReason());
                }
                done += s.getState() == ImportState.ImportCompleted ? 1 : 0;
                rows += s.getImportedCount();
                progress += s.getState() == ImportState.ImportCompleted ? 100 : s.getProgress();
            }
            if (done == tasks.size()) {
                return rows;
            }
            if (System.nanoTime() > nextLog) {
                LOG.info("bulk import: {}/{} tasks completed, {} rows imported, {}%", done, tasks.size(), rows,
                        progress / Math.max(1, tasks.size()));
                nextLog = System.nanoTime() + 10_000_000_000L;
            }
            if (System.nanoTime() > deadline) {
                throw IngestException.of(ErrorKind.TIMEOUT, Stage.UPLOAD, "Milvus import tasks " + tasks
                        + " not completed within " + timeout.toSeconds() + " s (milvus.bulk.timeout-s); " + done + "/"
                        + tasks.size() + " completed").build();
            }
            sleep(pollInterval);
        }
    }

    private GetBulkInsertStateWrapper state(long task) {
        R<GetImportStateResponse> r = client.getBulkInsertState(GetBulkInsertStateParam.newBuilder().withTask(task).build());
        if (r.getStatus() != R.Status.Success.getCode()) {
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD,
                    "cannot read the state of Milvus import task " + task + ": " + r.getMessage())
                    .cause(r.getException()).build();
        }
        return new GetBulkInsertStateWrapper(r.getData());
    }

    private static IngestException failed(String message) {
        return IngestException.of(ErrorKind.IMPORT_FAILED, Stage.UPLOAD, message).build();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD,
                    "interrupted while waiting for a Milvus import").cause(e).build();
        }
    }
}
