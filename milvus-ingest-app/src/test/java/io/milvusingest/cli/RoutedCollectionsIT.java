package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvusingest.milvus.Fields;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/ingest files -p milvus.collections=...}: rows by content type in their collections, re-ingest replaces. */
@ExtendWith(MilvusLiteExtension.class)
class RoutedCollectionsIT {
    private static final Path PDF = Path.of("../shared/corpus/nv-ingest/multimodal_test.pdf").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @Test
    void textAndTablesLandInTheirCollectionsAndAReingestReplacesThemInEach(MilvusLiteServer milvus) throws Exception {
        assertThat(PDF).as("../shared/corpus beside the clone").isRegularFile();
        String docs = MilvusLiteExtension.collectionName("rt_docs");
        String tables = MilvusLiteExtension.collectionName("rt_tables");
        String fallback = MilvusLiteExtension.collectionName("rt_rest");
        String routes = "{\"text\": \"" + docs + "\", \"table\": \"" + tables + "\"}";

        ingest(milvus, fallback, routes);

        try (Connection c = new Connection(MilvusConnector.connect(milvus.uri()))) {
            String source = Filters.sourceIdEquals(PDF.toString());
            assertThat(count(c.client, docs, source)).isPositive();
            assertThat(count(c.client, docs, Filters.jsonPath(Fields.CONTENT_METADATA, Fields.CM_TYPE) + " != \"text\""))
                    .isZero();
            assertThat(count(c.client, tables, source)).as("multimodal_test.pdf has two tables").isEqualTo(2);
            assertThat(count(c.client, tables, Filters.jsonPath(Fields.CONTENT_METADATA, Fields.SUBTYPE)
                    + " == \"table\"")).isEqualTo(2);
            assertThat(count(c.client, fallback, null)).as("no image rows without OCR text").isZero();
            long text = count(c.client, docs, source);

            ingest(milvus, fallback, routes, "-p", "extract.tables=false");

            assertThat(count(c.client, tables, source)).as("the new version has no table").isZero();
            assertThat(count(c.client, docs, source)).isEqualTo(text);
        }
    }

    private void ingest(MilvusLiteServer milvus, String collection, String routes, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("files", PDF.toString(), "--collection", collection,
                "-p", "milvus.uri=" + milvus.uri(), "-p", "milvus.stream=true", "-p", "milvus.collections=" + routes,
                "-p", "ingest.report-dir=" + work.resolve("reports")));
        args.addAll(List.of(more));
        BinIngest run = BinIngest.run(work, Map.of(), args.toArray(String[]::new));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("rows routed by content type (milvus.collections)");
    }

    private static long count(MilvusClientV2 client, String collection, String filter) {
        QueryReq.QueryReqBuilder q = QueryReq.builder().collectionName(collection)
                .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.STRONG);
        if (filter != null) {
            q.filter(filter);
        }
        return (Long) client.query(q.build()).getQueryResults().get(0).getEntity().get("count(*)");
    }

    private record Connection(MilvusClientV2 client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}
