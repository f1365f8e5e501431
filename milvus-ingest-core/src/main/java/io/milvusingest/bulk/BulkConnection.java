package io.milvusingest.bulk;

import io.milvus.client.MilvusServiceClient;
import io.milvus.param.ConnectParam;
import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.config.BulkConfig;

/**
 * What bulk import needs besides the app's {@link MilvusClientV2}: the S3 client of Milvus's bucket (checked on
 * opening) and a v1 gRPC client for the {@code Import} RPC. Closing it closes both.
 */
public final class BulkConnection implements AutoCloseable {
    private final ObjectStore store;
    private final MilvusServiceClient importClient;
    private final BulkImporter importer;

    private BulkConnection(ObjectStore store, MilvusServiceClient importClient, BulkImporter importer) {
        this.store = store;
        this.importClient = importClient;
        this.importer = importer;
    }

    /**
     * @param uri   Milvus's http(s) URI; {@code token}, or {@code user}/{@code password}, may be null
     * @throws IllegalStateException saying what is wrong when Milvus's bucket is missing or unreachable
     */
    public static BulkConnection open(MilvusClientV2 client, String uri, String token, String user, String password,
                                      BulkConfig config, String collection) {
        ObjectStore store = new ObjectStore(config);
        try {
            store.requireBucket();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        ConnectParam.Builder connect = ConnectParam.newBuilder().withUri(uri);
        if (token != null) {
            connect.withToken(token);
        } else if (user != null) {
            connect.withAuthorization(user, password == null ? "" : password);
        }
        MilvusServiceClient v1 = new MilvusServiceClient(connect.build());
        return new BulkConnection(store, v1, new BulkImporter(client, new ImportJobs(v1), store, config, collection));
    }

    public BulkImporter importer() {
        return importer;
    }

    /** @return the S3 client of Milvus's bucket (health checks) */
    public ObjectStore store() {
        return store;
    }

    @Override
    public void close() {
        importClient.close();
        store.close();
    }
}
