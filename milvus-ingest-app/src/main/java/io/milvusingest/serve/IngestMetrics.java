package io.milvusingest.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.FailureRecord;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The application's meters, in the Prometheus registry that camel-micrometer-prometheus serves at
 * {@code /observe/metrics} (bound as its {@value #REGISTRY_BEAN} bean): counters {@code milvus_ingest_documents_total},
 * {@code _pages_total}, {@code _chunks_total}, {@code _tokens_total}, {@code _rows_total}, {@code _failures_total}
 * (label {@code kind}, an {@link ErrorKind}); histograms (seconds) {@code milvus_ingest_stage_seconds} (label
 * {@code stage}: extract, split, embed, upload), {@code milvus_ingest_search_seconds} and
 * {@code milvus_ingest_commit_seconds}. Thread-safe.
 */
public final class IngestMetrics implements ProgressListener {
    /** The Camel registry name camel-micrometer-prometheus looks the registry up by. */
    public static final String REGISTRY_BEAN = "metricsRegistry";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter documents = counter("documents", "documents ingested");
    private final Counter pages = counter("pages", "pages of ingested documents");
    private final Counter chunks = counter("chunks", "chunks of ingested documents");
    private final Counter tokens = counter("tokens", "tokens embedded (model tokenizer)");
    private final Counter rows = counter("rows", "rows written to Milvus");
    private final Timer search = timer("milvus_ingest_search_seconds", "search latency (embed + Milvus)");
    private final Timer commit = timer("milvus_ingest_commit_seconds", "commit latency (count, flush) per file");

    /** @return the registry to bind as {@value #REGISTRY_BEAN} */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void succeeded(DocumentResult r) {
        documents.increment();
        pages.increment(r.pages());
        chunks.increment(r.chunks());
        tokens.increment(r.tokens());
        rows.increment(r.rows());
        stage("extract", r.timings().extractMs());
        stage("split", r.timings().splitMs());
        stage("embed", r.timings().embedMs());
        stage("upload", r.timings().uploadMs());
    }

    @Override
    public void failed(String name, Throwable error) {
        ErrorKind kind = FailureRecord.rootIngestCause(error) instanceof IngestException e ? e.kind() : ErrorKind.INTERNAL;
        Counter.builder("milvus_ingest_failures").description("inputs that failed, by error kind")
                .tag("kind", kind.name()).register(registry).increment();
    }

    /** Records one search's duration. */
    public void searched(long nanos) {
        search.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records one commit's duration. */
    public void committed(long nanos) {
        commit.record(nanos, TimeUnit.NANOSECONDS);
    }

    private void stage(String stage, long ms) {
        Timer.builder("milvus_ingest_stage_seconds").description("per-document stage latency").tag("stage", stage)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry).record(ms, TimeUnit.MILLISECONDS);
    }

    private Counter counter(String what, String description) {
        return Counter.builder("milvus_ingest_" + what).description(description).register(registry);
    }

    private Timer timer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }
}
