package io.milvusingest.nemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvusingest.cli.BinIngest;
import io.milvusingest.milvus.Fields;
import io.milvusingest.milvus.Filters;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.serve.ServeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NVIDIA's own NeMo Retriever client (nv-ingest-client 26.3.0 from PyPI, driven through {@link NemoPython}) reads
 * and writes our collections, and we write theirs: our ingest of {@code ../shared/corpus/nv-ingest}, a Milvus Lite
 * restart, then NeMo's retrieval, page reconstruction and record removal on it, with {@code bin/ingest serve} as
 * NeMo's embedding endpoint; collections made by NeMo's {@code create_nvingest_collection} ingested into by us; and
 * the two schemas compared field by field against the README's list of differences.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NemoClientIT {
    private static final Path CORPUS = Path.of("../shared/corpus/nv-ingest").toAbsolutePath().normalize();
    private static final String OURS = "nemo_ours";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Question, then the corpus file that must come first (any of its formats: the stem before the dot). */
    private static final Map<String, String> QUESTIONS = new LinkedHashMap<>();

    static {
        QUESTIONS.put("What is the minimum version of SQLAlchemy that pandas needs?", "embedded_table");
        QUESTIONS.put("Which connectors does the GeForce RTX 4090 graphics card have?", "test-shapes");
        QUESTIONS.put("How does key value cache fusion make RAG position invariant?", "test-page-form");
        QUESTIONS.put("What font and line spacing do clear print guidelines recommend?", "functional_validation");
        QUESTIONS.put("Which animal is driving a car at the beach?", "multimodal_test");
        QUESTIONS.put("Who wrote the poem Stopping by Woods on a Snowy Evening?", "woods_frost");
        QUESTIONS.put("How many points did Susan score in 2019?", "table_test");
    }

    private static Path work;
    private static Path data;
    private static MilvusLiteServer milvus;
    private static MilvusClientV2 client;
    private static ServeProcess serve;

    @BeforeAll
    static void ingestThenRestart() throws Exception {
        NemoPython.require();
        MilvusLiteExtension.requireExecutable();
        assertThat(CORPUS.resolve("multimodal_test.pdf")).as("../shared/corpus beside the clone").isRegularFile();
        work = Files.createTempDirectory("nemo-it-");
        data = work.resolve("milvus");
        milvus = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, data);
        ingest(CORPUS, OURS);
        milvus.close(); // Milvus Lite forgets load states on restart; NeMo's retrieval never loads
        milvus = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, data);
        client = MilvusConnector.connect(milvus.uri());
        serve = ServeProcess.start(milvus.uri(), OURS, work); // loads the released collection
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
        if (client != null) {
            client.close();
        }
        if (milvus != null) {
            milvus.close();
        }
        if (work != null) {
            MilvusLiteExtension.deleteTree(work);
        }
    }

    @ParameterizedTest(name = "hybrid={0}")
    @ValueSource(booleans = {false, true})
    @Order(1)
    void nemoRetrievalFindsTheExpectedFileFirst(boolean hybrid) throws Exception {
        List<String> args = new ArrayList<>(List.of("retrieve", "--uri", milvus.uri(), "--collection", OURS,
                "--endpoint", serve.baseUrl() + "/v1", "--queries", JSON.writeValueAsString(QUESTIONS.keySet())));
        if (hybrid) {
            args.add("--hybrid");
        }
        JsonNode results = NemoPython.run(work, args.toArray(String[]::new));

        int i = 0;
        for (Map.Entry<String, String> q : QUESTIONS.entrySet()) {
            JsonNode first = results.get(i++).get(0);
            String file = Path.of(first.get("source_name").asText()).getFileName().toString();
            assertThat(file).as(q.getKey() + " -> " + first).startsWith(q.getValue() + ".");
            assertThat(first.get("source_name").asText()).as("the full path").isEqualTo(CORPUS.resolve(file).toString());
        }
    }

    @Test
    @Order(2)
    void reconstructPagesGivesTheAnchorsPage() throws Exception {
        JsonNode r = NemoPython.run(work, "reconstruct", "--uri", milvus.uri(), "--collection", OURS, "--endpoint",
                serve.baseUrl() + "/v1", "--query", "What is the minimum version of lxml for read_xml?");

        assertThat(r.at("/anchor/source_name").asText()).endsWith("/embedded_table.pdf");
        assertThat(r.at("/anchor/page_number").asInt()).as("p.2, 0-based").isEqualTo(1);
        String page = r.get("page").asText();
        assertThat(page).contains("| lxml | 4.5.0 |").contains("SQLAlchemy").contains("PyTables");
        assertThat(page).as("nothing of p.1").doesNotContain("SciPy").doesNotContain("xlrd");
    }

    @Test
    @Order(3)
    void servedVectorsAreTheStoredOnes() throws Exception {
        // rows of files without a PDF outline or title: embedded as their text alone (PDF chunks are embedded with
        // their document title and heading path in front, embed.context-prefix); Milvus Lite has no "in" on JSON paths
        List<QueryResp.QueryResult> rows = client.query(QueryReq.builder().collectionName(OURS)
                .filter(Filters.jsonPath(Fields.CONTENT_METADATA, Fields.CM_TYPE) + " == \"text\" and ("
                        + Filters.jsonPath(Fields.SOURCE, Fields.SOURCE_TYPE) + " == \"docx\" or "
                        + Filters.jsonPath(Fields.SOURCE, Fields.SOURCE_TYPE) + " == \"text\" or "
                        + Filters.jsonPath(Fields.SOURCE, Fields.SOURCE_TYPE) + " == \"html\")")
                .limit(5)
                .outputFields(List.of(Fields.TEXT, Fields.VECTOR)).consistencyLevel(ConsistencyLevel.STRONG).build())
                .getQueryResults();
        assertThat(rows).hasSize(5);
        HttpClient http = HttpClient.newHttpClient();
        for (QueryResp.QueryResult row : rows) {
            String body = JSON.createObjectNode().put("model", "bge-small-en-v1.5").put("input_type", "passage")
                    .put("input", (String) row.getEntity().get(Fields.TEXT)).toString();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/v1/embeddings"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode served = JSON.readTree(r.body()).at("/data/0/embedding");
            assertThat(cosine(served, (List<?>) row.getEntity().get(Fields.VECTOR))).isGreaterThan(0.999);
        }
    }

    @Test
    @Order(4)
    void streamInsertIntoOurCollectionFailsForWantOfOurKeys() throws Exception {
        long before = count(OURS, null);
        JsonNode r = NemoPython.run(work, "stream-insert", "--uri", milvus.uri(), "--collection", OURS, "--endpoint",
                serve.baseUrl() + "/v1", "--results", CORPUS.resolve("multimodal_test.json").toString());

        assertThat(r.get("error").asText()).contains("Insert missed an field `pk`");
        assertThat(count(OURS, null)).isEqualTo(before);
    }

    @Test
    @Order(5)
    void removeRecordsWithOurSourceNameRemovesExactlyThatSource() throws Exception {
        String pdf = CORPUS.resolve("woods_frost.pdf").toString();
        long total = count(OURS, null);
        long rows = count(OURS, Filters.sourceIdEquals(pdf));
        long docx = count(OURS, Filters.sourceIdEquals(CORPUS.resolve("woods_frost.docx").toString()));
        assertThat(rows).isPositive();

        JsonNode r = NemoPython.run(work, "remove", "--uri", milvus.uri(), "--collection", OURS, "--source-name", pdf);

        assertThat(r.get("delete_count").asLong()).isEqualTo(rows);
        assertThat(count(OURS, Filters.sourceIdEquals(pdf))).isZero();
        assertThat(count(OURS, Filters.sourceIdEquals(CORPUS.resolve("woods_frost.docx").toString()))).isEqualTo(docx);
        assertThat(count(OURS, null)).isEqualTo(total - rows);
    }

    @ParameterizedTest(name = "sparse={0}")
    @ValueSource(booleans = {false, true})
    @Order(6)
    void weIngestIntoACollectionNeMoCreated(boolean sparse) throws Exception {
        String name = "nemo_made_" + (sparse ? "hybrid" : "dense");
        List<String> create = new ArrayList<>(List.of("create", "--uri", milvus.uri(), "--collection", name));
        if (sparse) {
            create.add("--sparse");
        }
        NemoPython.run(work, create.toArray(String[]::new));
        NemoPython.run(work, "stream-insert", "--uri", milvus.uri(), "--collection", name, "--endpoint",
                serve.baseUrl() + "/v1", "--results", CORPUS.resolve("multimodal_test.json").toString());
        long nemoRows = count(name, null);
        assertThat(nemoRows).as("NeMo's own rows").isPositive();
        Path folder = Files.createDirectories(work.resolve(name));
        Path note = folder.resolve("lighthouse.md");
        Files.writeString(note, "# Lighthouse log\n\n" + "The keeper counted seventeen albatrosses over the reef. "
                .repeat(40) + "\n\n" + "Fog horns sounded at dawn near the harbour mouth. ".repeat(40));
        ingest(folder, name);
        long first = count(name, Filters.sourceIdEquals(note.toString()));
        assertThat(first).as("a note of several chunks").isGreaterThan(1);

        Files.writeString(note, "# Lighthouse log\n\nThe keeper saw a single grey heron on the jetty.");
        ingest(folder, name);

        assertThat(count(name, Filters.sourceIdEquals(note.toString()))).as("no duplicates, no stale rows").isEqualTo(1);
        assertThat(count(name, Fields.TEXT + " like \"%albatross%\"")).isZero();
        assertThat(count(name, null)).as("NeMo's rows untouched").isEqualTo(nemoRows + 1);
        List<String> retrieve = new ArrayList<>(List.of("retrieve", "--uri", milvus.uri(), "--collection", name,
                "--endpoint", serve.baseUrl() + "/v1", "--queries", "[\"grey heron seen by the lighthouse keeper\"]"));
        // few stop words: Milvus Lite's analyzer keeps them, so a wordy question lets BM25 favour NeMo's long rows
        if (sparse) {
            retrieve.add("--hybrid");
        }
        JsonNode hits = NemoPython.run(work, retrieve.toArray(String[]::new));
        assertThat(hits.get(0).get(0).get("source_name").asText()).isEqualTo(note.toString());
        assertThat(hits.get(0).get(0).get("text").asText()).contains("grey heron");
    }

    @Test
    @Order(7)
    void theSchemasDifferOnlyWhereTheReadmeSays() throws Exception {
        NemoPython.run(work, "create", "--uri", milvus.uri(), "--collection", "nemo_schema", "--sparse");
        Map<String, String> ours = SchemaDiff.flatten(NemoPython.run(work, "describe", "--uri", milvus.uri(),
                "--collection", OURS));
        Map<String, String> theirs = SchemaDiff.flatten(NemoPython.run(work, "describe", "--uri", milvus.uri(),
                "--collection", "nemo_schema"));

        assertThat(ours).containsKeys("field.text.params.analyzer_params", "field.sparse.is_function_output",
                "function.bm25.input_field_names", "index.vector.index_type", "index.sparse.metric_type",
                "field.vector.params.dim", "field.text.params.max_length");
        assertThat(SchemaDiff.diff(ours, theirs)).isEqualTo(SchemaDiff.readmeTable(Path.of("README.md"),
                "### Schema differences from NeMo's create_nvingest_collection"));
    }

    @Test
    @Order(8)
    void milvusLiteRefusesNeMosEnglishAnalyzerAsItIsSpelled() throws Exception {
        JsonNode r = NemoPython.run(work, "english-analyzer", "--uri", milvus.uri(), "--collection", "nemo_english");
        assertThat(r.get("error").asText()).contains("unknown tokenizer type: 'english'");
    }

    private static void ingest(Path path, String collection) throws Exception {
        BinIngest run = BinIngest.run(work, Map.of(), "files", path.toString(), "--collection", collection,
                "-p", "milvus.uri=" + milvus.uri(), "-p", "milvus.stream=true");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
    }

    private static long count(String collection, String filter) {
        QueryReq.QueryReqBuilder q = QueryReq.builder().collectionName(collection)
                .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.STRONG);
        if (filter != null) {
            q.filter(filter);
        }
        return (Long) client.query(q.build()).getQueryResults().get(0).getEntity().get("count(*)");
    }

    private static double cosine(JsonNode a, List<?> b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.size(); i++) {
            double x = a.get(i).asDouble();
            double y = ((Number) b.get(i)).doubleValue();
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return dot / Math.sqrt(na * nb);
    }
}
