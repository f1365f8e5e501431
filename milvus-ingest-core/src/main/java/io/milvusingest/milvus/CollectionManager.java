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

/**
 * Creates, checks and loads the collection described by {@link CollectionSchemas}. It also adopts collections made
 * by NeMo Retriever's {@code create_nvingest_collection} (generated keys, a dynamic field, with or without
 * {@code sparse}): they have every field we write.
 */
public final class CollectionManager {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionManager.class);
    /** Fields every collection we write must have; {@link Fields#SPARSE} is optional (NeMo's dense-only layout). */
    private static final Map<String, DataType> REQUIRED = Map.of(Fields.PK, DataType.Int64,
            Fields.VECTOR, DataType.FloatVector, Fields.TEXT, DataType.VarChar, Fields.SOURCE, DataType.JSON,
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
     * @throws IllegalStateException when the collection exists with another vector dimension, without our fields,
     *                               or with rows of an earlier layout (see {@link RowLayout}), and {@code recreate}
     *                               is false
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
        } else if (createUnlessRaced(name, dimension)) {
            outcome = Outcome.CREATED;
        } else {
            verify(name, dimension);
            outcome = Outcome.EXISTED;
        }
        load(name);
        if (outcome == Outcome.EXISTED && !generatesKeys(name)) { // only our own collections had the old layout
            checkLayout(name);
        }
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
        if (!generatesKeys(name)) {
            checkLayout(name);
        }
    }

    private void checkLayout(String name) {
        call("read a row of " + name, () -> {
            RowLayout.check(client, name);
            return null;
        });
    }

    /**
     * @return true when existing collection {@code name} generates its primary keys (autoID), as collections made by
     *     NeMo Retriever's {@code create_nvingest_collection} do; false for ours (keys from {@link PrimaryKeys})
     */
    public boolean generatesKeys(String name) {
        return Boolean.TRUE.equals(describe(name).getCollectionSchema().getField(Fields.PK).getAutoID());
    }

    /**
     * Loads collection {@code name} when it exists, whatever its schema, so that readers that never load (NeMo
     * Retriever's retrieval code) find it searchable after a Milvus Lite restart.
     *
     * @return whether it exists
     * @throws IngestException kind STORE_UNAVAILABLE when Milvus fails
     */
    public boolean loadIfExists(String name) {
        if (!call("check collection " + name, () -> client.hasCollection(
                HasCollectionReq.builder().collectionName(name).build()))) {
            return false;
        }
        load(name);
        return true;
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

    /**
     * @return false when another client created the collection between our check and our create: workers that
     *     start together (Kafka scale-out) all find it missing, and all but one are refused with "already exists"
     */
    private boolean createUnlessRaced(String name, int dimension) {
        try {
            create(name, dimension);
            return true;
        } catch (RuntimeException e) {
            if (call("check collection " + name, () -> client.hasCollection(
                    HasCollectionReq.builder().collectionName(name).build()))) {
                LOG.info("collection {} was created by another client meanwhile", name);
                return false;
            }
            throw e;
        }
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
        CreateCollectionReq.FieldSchema sparse = schema.getField(Fields.SPARSE);
        if (sparse != null && sparse.getDataType() != DataType.SparseFloatVector) {
            throw new IllegalStateException("collection " + name + " does not have the milvus-ingest schema: field "
                    + Fields.SPARSE + " is " + sparse.getDataType() + ", not SparseFloatVector" + hint);
        }
        if (Boolean.TRUE.equals(schema.getField(Fields.PK).getAutoID())) {
            LOG.info("collection {} generates its primary keys (autoID, NeMo Retriever's create_nvingest_collection): "
                    + "a re-ingested document's rows are deleted, then inserted again", name);
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
        } catch (IllegalStateException e) { // our own verdict on the collection, not a Milvus failure
            throw e;
        } catch (RuntimeException e) {
            throw StoreErrors.unavailable(null, "Milvus: " + what, e);
        }
    }
}
