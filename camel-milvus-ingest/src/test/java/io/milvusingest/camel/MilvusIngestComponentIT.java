package io.milvusingest.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.milvus.HashingTestEmbedder;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.SearchHit;
import io.milvusingest.model.DocumentResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every operation of {@code milvus-ingest:} against a real Milvus Lite, and the rejection of bad options. */
@ExtendWith(MilvusLiteExtension.class)
class MilvusIngestComponentIT extends CamelTestSupport {
    private static final String OTTERS = "Sea otters hold hands while they sleep so that they do not drift apart.";
    private static final String KELP = "Kelp forests grow up to half a metre a day in cold, nutrient-rich water.";
    private static String uri;
    private static String collection;

    @TempDir
    Path tmp;

    private static io.milvusingest.rerank.StubRankingServer reranker;

    @BeforeAll
    static void server(MilvusLiteServer server) throws java.io.IOException {
        uri = server.uri();
        collection = MilvusLiteExtension.collectionName("component");
        reranker = new io.milvusingest.rerank.StubRankingServer();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopReranker() {
        reranker.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("hashing", new HashingTestEmbedder(64));
        String endpoint = "milvus-ingest:" + collection + "?milvusUri=" + uri + "&embedder=#hashing&stream=true"
                + "&chunkSize=48&chunkOverlap=8";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ingest").to(endpoint);
                from("direct:delete").to(endpoint + "&operation=delete");
                from("direct:search").to(endpoint + "&operation=search&searchMode=dense&topK=3");
                from("direct:rerank").to(endpoint + "&operation=search&searchMode=dense&topK=1&rerank=remote"
                        + "&rerankBaseUrl=" + reranker.baseUrl() + "&rerankModel=m&rerankApiKey=RAW(rk-secret)");
            }
        };
    }

    @Test
    void should_ingest_a_string_body_named_by_its_source_id_header_and_reply_with_the_result() {
        var reply = template.request("direct:ingest", e -> {
            e.getIn().setBody(OTTERS);
            e.getIn().setHeader(MilvusIngestConstants.SOURCE_ID, "notes/otters.txt");
        });

        DocumentResult r = reply.getMessage().getBody(DocumentResult.class);
        assertThat(reply.getException()).isNull();
        assertThat(r.source().sourceId()).isEqualTo("notes/otters.txt");
        assertThat(r.chunks()).isPositive();
        assertThat(r.rows()).isEqualTo(r.chunks());
        assertThat(reply.getMessage().getHeaders()).containsEntry(MilvusIngestConstants.ROWS, r.rows())
                .containsEntry(MilvusIngestConstants.CHUNKS, r.chunks())
                .containsKey(MilvusIngestConstants.STAGE_MS);
        assertThat(reply.getProperty(MilvusIngestConstants.COMMIT_PROPERTY)).isNotNull();
    }

    @Test
    void should_ingest_a_file_under_its_absolute_path_then_find_it_by_search_and_delete_its_rows() throws Exception {
        Path file = Files.writeString(tmp.resolve("kelp.txt"), KELP);

        DocumentResult r = template.requestBody("direct:ingest", file, DocumentResult.class);
        @SuppressWarnings("unchecked")
        List<SearchHit> hits = template.requestBody("direct:search", KELP, List.class);
        long deleted = template.requestBodyAndHeader("direct:delete", null, MilvusIngestConstants.SOURCE_ID,
                r.source().sourceId(), Long.class);
        @SuppressWarnings("unchecked")
        List<SearchHit> after = template.requestBody("direct:search", KELP, List.class);

        assertThat(r.source().sourceId()).isEqualTo(file.toAbsolutePath().normalize().toString());
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).sourceId()).isEqualTo(r.source().sourceId());
        assertThat(hits.get(0).text()).contains("Kelp forests");
        assertThat(deleted).isEqualTo(r.rows());
        assertThat(after).extracting(SearchHit::sourceId).doesNotContain(r.source().sourceId());
    }

    @Test
    void should_rerank_search_candidates_with_the_remote_reranker_when_the_endpoint_says_so() {
        template.requestBodyAndHeader("direct:ingest", "Seahorse fathers carry the eggs in a pouch.",
                MilvusIngestConstants.SOURCE_ID, "r/seahorses.txt");
        template.requestBodyAndHeader("direct:ingest", "Lichens are a partnership of a fungus and an alga.",
                MilvusIngestConstants.SOURCE_ID, "r/lichens.txt");
        reranker.requests.clear();

        // the stub's relevance: occurrences of the query in the passage; only the seahorse text has it
        @SuppressWarnings("unchecked")
        List<SearchHit> hits = template.requestBody("direct:rerank", "seahorse fathers", List.class);

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.sourceId()).isEqualTo("r/seahorses.txt");
            assertThat(h.score()).as("the stub's logit").isGreaterThan(0.9f);
        });
        assertThat(reranker.requests).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer rk-secret");
            assertThat(r.body().path("passages").size()).as("top-n candidates, more than topK").isGreaterThan(1);
        });
    }

    @Test
    void should_take_the_operation_from_the_header_over_the_endpoint_option() {
        template.requestBodyAndHeader("direct:ingest", OTTERS, MilvusIngestConstants.SOURCE_ID, "h/otters.txt");

        Object hits = template.requestBodyAndHeaders("direct:ingest", OTTERS,
                Map.of(MilvusIngestConstants.OPERATION, "search", MilvusIngestConstants.SEARCH_MODE, "dense",
                        MilvusIngestConstants.FILTER, "source[\"source_id\"] == \"h/otters.txt\""));

        assertThat(hits).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .isNotEmpty().allSatisfy(h -> assertThat(((SearchHit) h).sourceId()).isEqualTo("h/otters.txt"));
    }

    @Test
    void should_refuse_bytes_without_a_source_id_as_UNSUPPORTED() {
        var reply = template.request("direct:ingest", e -> e.getIn().setBody(OTTERS.getBytes()));

        assertThat(reply.getException()).isInstanceOf(io.milvusingest.model.IngestException.class)
                .hasMessageContaining(MilvusIngestConstants.SOURCE_ID);
    }

    @Test
    void should_reject_an_unknown_option_naming_it() {
        assertThatThrownBy(() -> context.getEndpoint("milvus-ingest:docs?chunkSise=100"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("chunkSise");
    }

    @Test
    void should_reject_invalid_option_values_naming_the_option() {
        assertThatThrownBy(() -> context.getEndpoint("milvus-ingest:docs?chunkSize=100&chunkOverlap=100"))
                .hasStackTraceContaining("chunkOverlap");
        assertThatThrownBy(() -> context.getEndpoint("milvus-ingest:docs?operation=upsert"))
                .hasStackTraceContaining("operation");
        assertThatThrownBy(() -> context.getEndpoint("milvus-ingest:docs?topK=many"))
                .hasStackTraceContaining("topK");
        assertThatThrownBy(() -> context.getEndpoint("milvus-ingest:9docs"))
                .hasStackTraceContaining("milvus.collection");
    }
}
