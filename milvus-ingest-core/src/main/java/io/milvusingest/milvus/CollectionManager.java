package io.milvusingest.milvus;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvusingest.model.IngestException;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, checks and loads the collection described by {@link CollectionSchemas}. */
public final class CollectionManager {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionManager.class);
    private static final Map<String, DataType> REQUIRED = Map.of(Fields.PK, DataType.Int64,
            Fields.VECTOR, DataType.FloatVector, Fields.TEXT, DataType.VarChar,
            Fields.SPARSE, DataType.SparseFloatVector, Fields.SOURCE, DataType.JSON,
            Fields.CONTENT_METADATA, DataType.JSON);

    /** What {@link #ensureCollection} did. */
    public enum Outcome {
        /** The collection did not exist and was created. */
        CREATED,
        /** The collection existed with a compatible schema and was kept. */
        EXISTED,
        /** The collection existed and was dropped (with all its rows) and created anew. */
        RECREATED;

        /** @return e.g. "created", for log lines */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MilvusClientV2 client;
    private final DenseIndex denseIndex;

    /** @param client an open client; not closed by this class */
    public CollectionManager(MilvusClientV2 client) {
        this(client, DenseIndex.HNSW);
    }

    /** @param denseIndex the dense index type of collections it creates ({@code milvus.index.type}) */
    public CollectionManager(MilvusClientV2 client, DenseIndex denseIndex) {
        this.client = client;
        this.denseIndex = denseIndex;
    }

    /**
     * Makes sure collection {@code name} exists with our schema for {@code dimension}-float vectors and is
     * loaded (searchable). Loading is repeated for an existing collection: Milvus Lite forgets the load
     * state when it restarts.
     *
     * @param recreate drop an existing collection first (deletes all its rows)
     * @throws IllegalStateException when the collection exists with another vector dimension or without
     *                               our schema (and {@code recreate} is false)
     * @throws IngestException       kind STORE_UNAVAILABLE, stage UPLOAD, when Milvus fails
     */
    public Outcome ensureCollection(String name, int dimension, boolean recreate) {
        Outcome outcome;
        if (call("check collection " + name, () -> client.hasCollection(
                HasCollectionReq.builder().collectionName(name).build()))) {
            if (recreate) {
                call("drop collection " + name, () -> {
                    client.dropCollection(DropCollectionReq.builder().collectionName(name).build());
                    return null;
                });
                create(name, dimension);
                outcome = Outcome.RECREATED;
            } else {
                verify(name, dimension);
                outcome = Outcome.EXISTED;
            }
        } else {
            create(name, dimension);
            outcome = Outcome.CREATED;
        }
        load(name);
        LOG.info("collection {} (vector dim {}): {}", name, dimension, outcome.label());
        return outcome;
    }

    /**
     * Checks that collection {@code name} exists with our schema and loads it, without creating anything.
     *
     * @throws IllegalStateException when it does not exist ("ingest documents first") or has another schema
     * @throws IngestException       kind STORE_UNAVAILABLE when Milvus fails
     */
    public void loadForSearch(String name, int dimension) {
        if (!call("check collection " + name, () -> client.hasCollection(
                HasCollectionReq.builder().collectionName(name).build()))) {
            throw new IllegalStateException("collection " + name + " does not exist; ingest documents first"
                    + " (bin/ingest files PATH --collection " + name + ")");
        }
        verify(name, dimension);
        load(name);
    }

    /** @return the vector dimension of existing collection {@code name} */
    public int dimension(String name) {
        return describe(name).getCollectionSchema().getField(Fields.VECTOR).getDimension();
    }

    private void load(String name) {
        call("load collection " + name, () -> {
            client.loadCollection(LoadCollectionReq.builder().collectionName(name).build());
            return null;
        });
    }

    private void create(String name, int dimension) {
        // Indexes go into the create request: Milvus Lite lacks AllocTimestamp, which a separate synchronous
        // createIndex polls (UNIMPLEMENTED: Method not implemented!).
        call("create collection " + name, () -> {
            client.createCollection(CreateCollectionReq.builder().collectionName(name)
                    .collectionSchema(CollectionSchemas.schema(dimension))
                    .indexParams(CollectionSchemas.indexes(denseIndex)).build());
            return null;
        });
    }

    private void verify(String name, int dimension) {
        CreateCollectionReq.CollectionSchema schema = describe(name).getCollectionSchema();
        String hint = "; use --recreate or another collection";
        REQUIRED.forEach((field, type) -> {
            CreateCollectionReq.FieldSchema f = schema.getField(field);
            if (f == null || f.getDataType() != type) {
                throw new IllegalStateException("collection " + name + " does not have the milvus-ingest schema: "
                        + "field " + field + (f == null ? " is missing" : " is " + f.getDataType() + ", not " + type)
                        + hint);
            }
        });
        if (Boolean.TRUE.equals(schema.getField(Fields.PK).getAutoID())) {
            throw new IllegalStateException("collection " + name + " generates its primary keys (autoID), so "
                    + "re-ingesting would duplicate rows" + hint);
        }
        int actual = schema.getField(Fields.VECTOR).getDimension();
        if (actual != dimension) {
            throw new IllegalStateException("collection " + name + " has vector dim " + actual
                    + " but the embedding model gives " + dimension + hint);
        }
    }

    private DescribeCollectionResp describe(String name) {
        return call("describe collection " + name,
                () -> client.describeCollection(DescribeCollectionReq.builder().collectionName(name).build()));
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw StoreErrors.unavailable(null, "Milvus: " + what, e);
        }
    }
}
