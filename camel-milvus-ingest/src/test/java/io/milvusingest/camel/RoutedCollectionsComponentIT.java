package io.milvusingest.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvusingest.milvus.Fields;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.HashingTestEmbedder;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.model.DocumentResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The endpoint option {@code collections} ({@code milvus.collections}) routes table rows to their own collection. */
@ExtendWith(MilvusLiteExtension.class)
class RoutedCollectionsComponentIT extends CamelTestSupport {
    private static final Path PDF = Path.of("..", "shared", "corpus", "nv-ingest", "multimodal_test.pdf")
            .toAbsolutePath().normalize();
    private static final String DOCS = MilvusLiteExtension.collectionName("cr_docs");
    private static final String TABLES = MilvusLiteExtension.collectionName("cr_tables");
    private static String uri;
    private static MilvusClientV2 client;

    @BeforeAll
    static void server(MilvusLiteServer server) {
        if (!Files.isRegularFile(PDF)) {
            throw new IllegalStateException("fixture missing: " + PDF + " (../shared/corpus)");
        }
        uri = server.uri();
        client = MilvusConnector.connect(uri);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("hashing", new HashingTestEmbedder(64));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ingest").to("milvus-ingest:" + DOCS + "?milvusUri=" + uri + "&embedder=#hashing"
                        + "&stream=true&collections=RAW({\"table\":\"" + TABLES + "\"})");
            }
        };
    }

    @Test
    void should_write_a_pdfs_table_rows_to_the_routed_collection_and_the_rest_to_the_endpoints() {
        DocumentResult r = template.requestBody("direct:ingest", PDF, DocumentResult.class);

        String source = Filters.sourceIdEquals(PDF.toString());
        String tableRows = Filters.jsonPath(Fields.CONTENT_METADATA, Fields.SUBTYPE) + " == \"table\"";
        assertThat(count(TABLES, source)).as("multimodal_test.pdf has two tables").isEqualTo(2);
        assertThat(count(TABLES, tableRows)).isEqualTo(2);
        assertThat(count(DOCS, source)).as("its text").isPositive();
        assertThat(count(DOCS, tableRows)).isZero();
        assertThat(r.rows()).isEqualTo(count(DOCS, source) + count(TABLES, source));
    }

    private static long count(String collection, String filter) {
        return (Long) client.query(QueryReq.builder().collectionName(collection).filter(filter)
                .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.STRONG).build())
                .getQueryResults().get(0).getEntity().get("count(*)");
    }
}
