package io.milvusingest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ingest run} with {@code serve.in-run=true}: after its drop folder took 3 files (one corrupt),
 * {@code /observe/metrics} on serve.port shows 2 documents, 1 CORRUPT failure and filled stage histograms.
 */
@ExtendWith(MilvusLiteExtension.class)
class MetricsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void metricsCountTheIngestedDocumentsTheFailureByKindAndTheStageLatencies(MilvusLiteServer milvus,
                                                                                @TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        List<String> args = List.of("run", "-p", "milvus.uri=" + milvus.uri(), "-p", "milvus.collection="
                + MilvusLiteExtension.collectionName("metrics_it"), "-p", "ingest.inbox=" + inbox,
                "-p", "ingest.report-dir=" + dir.resolve("reports"), "-p", "ingest.poll-delay-ms=200",
                "-p", "serve.in-run=true", "-p", "milvus.stream=true");
        try (ServeProcess run = ServeProcess.start(dir, "127.0.0.1", Map.of(), args)) {
            for (String f : List.of("woods_frost.pdf", "test.md")) {
                Files.copy(IngestedCorpus.NV_INGEST.resolve(f), inbox.resolve(f));
            }
            Files.writeString(inbox.resolve("broken.pdf"), "oops", StandardCharsets.US_ASCII);

            String metrics = "";
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && (value(metrics, "milvus_ingest_documents_total") < 2
                    || value(metrics, "milvus_ingest_failures_total{kind=\"CORRUPT\"}") < 1
                    || value(metrics, "milvus_ingest_commit_seconds_count") < 2)) { // a commit ends after its count
                Thread.sleep(500);
                metrics = get(run, "/observe/metrics");
            }
            assertThat(value(metrics, "milvus_ingest_documents_total")).as(run.output()).isEqualTo(2);
            assertThat(value(metrics, "milvus_ingest_failures_total{kind=\"CORRUPT\"}")).isEqualTo(1);
            assertThat(value(metrics, "milvus_ingest_pages_total")).isEqualTo(2); // woods_frost.pdf; test.md has none
            assertThat(value(metrics, "milvus_ingest_chunks_total")).isPositive();
            assertThat(value(metrics, "milvus_ingest_tokens_total")).isPositive();
            assertThat(value(metrics, "milvus_ingest_rows_total")).isPositive();
            for (String stage : List.of("extract", "split", "embed", "upload")) {
                assertThat(value(metrics, "milvus_ingest_stage_seconds_count{stage=\"" + stage + "\"}"))
                        .as(stage).isEqualTo(2);
            }
            assertThat(value(metrics, "milvus_ingest_stage_seconds_sum{stage=\"extract\"}")).isPositive();
            assertThat(metrics).contains("milvus_ingest_stage_seconds_bucket{stage=\"embed\",le=");
            // each file waited for its commit before it moved to .done/
            assertThat(value(metrics, "milvus_ingest_commit_seconds_count")).isGreaterThanOrEqualTo(2);
            assertThat(get(run, "/observe/health/ready")).contains("\"status\":\"UP\"");
        }
    }

    /** @return the value of the sample with this exact name and labels, or -1 when absent */
    private static double value(String metrics, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static String get(ServeProcess s, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
