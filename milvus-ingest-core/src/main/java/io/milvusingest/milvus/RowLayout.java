package io.milvusingest.milvus;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import java.util.List;

/**
 * Recognizes rows written before the row metadata followed NeMo Retriever's schemas: their
 * {@code content_metadata} has {@code chunk_index} at the top level (now under {@code custom_content}), a 1-based
 * {@code page_number} and a bare file name as {@code source_name}, which NeMo's {@code reconstruct_pages} and
 * {@code remove_records} would misread.
 */
final class RowLayout {

    private RowLayout() {
    }

    /**
     * Reads one row of the loaded collection {@code name}.
     *
     * @throws IllegalStateException naming the migration (re-ingest with {@code --recreate}) when that row has the
     *                               earlier layout; an empty collection passes
     * @throws RuntimeException      from the SDK when Milvus fails
     */
    static void check(MilvusClientV2 client, String name) {
        var rows = client.query(QueryReq.builder().collectionName(name).filter("").limit(1)
                .outputFields(List.of(Fields.CONTENT_METADATA)).consistencyLevel(ConsistencyLevel.STRONG).build())
                .getQueryResults();
        if (rows.isEmpty()) {
            return;
        }
        Object meta = rows.get(0).getEntity().get(Fields.CONTENT_METADATA);
        if (meta instanceof JsonObject object && object.has(Fields.CHUNK_INDEX) && !object.has(Fields.HIERARCHY)) {
            throw new IllegalStateException("collection " + name + " holds rows of an earlier milvus-ingest layout "
                    + "(1-based page_number, file-name source_name, upper-case source_type), which NeMo Retriever's "
                    + "tools misread; re-ingest its documents with --recreate (bin/ingest files PATH... --collection "
                    + name + " --recreate, or -p milvus.recreate=true), which drops its rows first");
        }
    }
}
