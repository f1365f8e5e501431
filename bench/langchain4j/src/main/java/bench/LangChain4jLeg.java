package bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.parser.apache.pdfbox.ApachePdfBoxDocumentParser;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.milvus.MilvusEmbeddingStore;
import io.milvus.param.IndexType;
import io.milvus.param.MetricType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The LangChain4j leg of {@code bench/throughput.sh}: LangChain4j's own ingestion path, out of the box.
 *
 * <ul>
 *   <li>extract: {@link ApachePdfBoxDocumentParser} (PDFBox 2.0.32) through {@link FileSystemDocumentLoader},
 *       one {@link Document} per file;</li>
 *   <li>split: {@link DocumentSplitters#recursive(int, int, dev.langchain4j.model.TokenCountEstimator)} with
 *       the same window as ours, {@code chunk.size} tokens and {@code chunk.overlap} tokens of overlap, counted
 *       by a {@link HuggingFaceTokenCountEstimator} loaded with bge-small-en-v1.5's own tokenizer.json (the
 *       one shipped in the model jar, which our product uses too);</li>
 *   <li>embed: {@link BgeSmallEnV15QuantizedEmbeddingModel} with its defaults (its own executor and ONNX
 *       Runtime session options);</li>
 *   <li>upload: {@link MilvusEmbeddingStore} (milvus-sdk-java 2.5.9) on a Milvus Lite server the script
 *       started, HNSW / COSINE like ours;</li>
 * </ul>
 * all driven by {@link EmbeddingStoreIngestor#ingest(Document)}, one call per file (files in sorted order,
 * as {@code bin/ingest files} takes them). Stage times come from thin timing wrappers around the splitter
 * and the model; upload is the rest of the ingest call (the ingestor does nothing else of note).
 *
 * <p>Usage: {@code LangChain4jLeg DIR MILVUS_URI COLLECTION OUT_FILE [chunkSize] [overlap]}; writes
 * {@code key=value} lines to OUT_FILE and a human summary to stdout.
 */
public final class LangChain4jLeg {
    /** PDFBox 2 logs through commons-logging to java.util.logging: keep its font warnings off the output. */
    private static final java.util.logging.Logger PDFBOX_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LangChain4jLeg DIR MILVUS_URI COLLECTION OUT_FILE [chunkSize=384] [overlap=64]");
            System.exit(2);
        }
        PDFBOX_LOG.setLevel(java.util.logging.Level.SEVERE);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path dir = Path.of(args[0]);
        String uri = args[1];
        String collection = args[2];
        Path out = Path.of(args[3]);
        int chunkSize = args.length > 4 ? Integer.parseInt(args[4]) : 384;
        int overlap = args.length > 5 ? Integer.parseInt(args[5]) : 64;

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .sorted().toList();
        }

        long t0 = System.nanoTime();
        HuggingFaceTokenCountEstimator tokens = new HuggingFaceTokenCountEstimator(bgeTokenizerFile().toString());
        TimedSplitter splitter = new TimedSplitter(DocumentSplitters.recursive(chunkSize, overlap, tokens), tokens);
        TimedModel model = new TimedModel(new BgeSmallEnV15QuantizedEmbeddingModel());
        MilvusEmbeddingStore store = MilvusEmbeddingStore.builder()
                .uri(uri)
                .collectionName(collection)
                .dimension(model.dimension())
                .indexType(IndexType.HNSW)
                .metricType(MetricType.COSINE)
                .build();
        EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
                .documentSplitter(splitter)
                .embeddingModel(model)
                .embeddingStore(store)
                .build();
        long readyNanos = System.nanoTime();
        long readyEpochMs = System.currentTimeMillis();
        System.err.printf(Locale.ROOT, "[langchain4j] ready in %d ms (model, tokenizer, store)%n", (readyNanos - t0) / 1_000_000);

        ApachePdfBoxDocumentParser parser = new ApachePdfBoxDocumentParser();
        long extractNs = 0;
        long ingestNs = 0;
        long pages = 0;
        int ok = 0;
        List<String> failures = new ArrayList<>();
        List<Path> okFiles = new ArrayList<>();
        long firstEmbeddedMs = -1;
        long[] firstDoc = null; // extract, split, embed ms and segments of the first document
        long runStart = System.nanoTime();
        for (Path file : files) {
            try {
                long a = System.nanoTime();
                Document document = FileSystemDocumentLoader.loadDocument(file, parser);
                long b = System.nanoTime();
                long split0 = splitter.nanos.get();
                long embed0 = model.nanos.get();
                long segments0 = splitter.segments.get();
                ingestor.ingest(document);
                long c = System.nanoTime();
                if (firstDoc == null) {
                    firstDoc = new long[] {(b - a) / 1_000_000, (splitter.nanos.get() - split0) / 1_000_000,
                            (model.nanos.get() - embed0) / 1_000_000, splitter.segments.get() - segments0};
                }
                extractNs += b - a;
                ingestNs += c - b;
                okFiles.add(file);
                ok++;
                if (firstEmbeddedMs < 0 && model.firstEmbeddedAtMillis > 0) {
                    firstEmbeddedMs = model.firstEmbeddedAtMillis - jvmStart;
                }
                System.out.printf(Locale.ROOT, "ok      %-60s %7.2f s%n", file.getFileName(), (c - a) / 1e9);
            } catch (RuntimeException e) {
                failures.add(file.getFileName() + ": " + e);
                System.out.printf(Locale.ROOT, "FAILED  %-60s %s%n", file.getFileName(), e);
            }
        }
        double seconds = (System.nanoTime() - runStart) / 1e9;
        for (Path file : okFiles) {
            pages += pageCount(file); // after the timed run: LangChain4j's Document does not carry a page count
        }
        long splitMs = splitter.nanos.get() / 1_000_000;
        long embedMs = model.nanos.get() / 1_000_000;
        long uploadMs = Math.max(0, ingestNs / 1_000_000 - splitMs - embedMs);

        try (PrintStream p = new PrintStream(Files.newOutputStream(out))) {
            p.println("files_ok=" + ok);
            p.println("files_failed=" + failures.size());
            p.println("pages=" + pages);
            p.println("chunks=" + splitter.segments.get());
            p.println("tokens=" + splitter.tokens.get());
            p.println("rows=" + model.embedded.get());
            p.println("seconds=" + String.format(Locale.ROOT, "%.3f", seconds));
            p.println("ready_ms=" + (readyNanos - t0) / 1_000_000);
            p.println("ready_epoch_ms=" + readyEpochMs);
            p.println("jvm_to_first_embedded_ms=" + firstEmbeddedMs);
            if (firstDoc != null) {
                p.println("first_extract_ms=" + firstDoc[0]);
                p.println("first_split_ms=" + firstDoc[1]);
                p.println("first_embed_ms=" + firstDoc[2]);
                p.println("first_chunks=" + firstDoc[3]);
            }
            p.println("extract_ms=" + extractNs / 1_000_000);
            p.println("split_ms=" + splitMs);
            p.println("embed_ms=" + embedMs);
            p.println("upload_ms=" + uploadMs);
        }
        System.out.printf(Locale.ROOT, "files: %d ok, %d failed | pages %d | chunks %d | tokens %d | %.1f s"
                        + " | stage ms: extract %d, split %d, embed %d, upload %d%n",
                ok, failures.size(), pages, splitter.segments.get(), splitter.tokens.get(), seconds,
                extractNs / 1_000_000, splitMs, embedMs, uploadMs);
        failures.forEach(f -> System.out.println("failure: " + f));
        System.exit(0); // the model's executor threads and the gRPC channel are not daemons
    }

    /** The page count (PDFBox 2), read after the timed run. */
    private static int pageCount(Path file) {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.pdmodel.PDDocument.load(file.toFile())) {
            return pdf.getNumberOfPages();
        } catch (IOException e) {
            return 0;
        }
    }

    /** bge-small-en-v1.5's tokenizer.json, copied out of the model jar (the estimator wants a file). */
    private static Path bgeTokenizerFile() throws IOException {
        Path file = Files.createTempFile("bge-small-en-v1.5-tokenizer", ".json");
        file.toFile().deleteOnExit();
        try (InputStream in = LangChain4jLeg.class.getClassLoader().getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json")) {
            if (in == null) {
                throw new IllegalStateException("bge-small-en-v1.5-q-tokenizer.json not on the class path");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Times the splitter; counts segments and their tokens outside the timed region. */
    static final class TimedSplitter implements DocumentSplitter {
        final DocumentSplitter delegate;
        final HuggingFaceTokenCountEstimator estimator;
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong segments = new AtomicLong();
        final AtomicLong tokens = new AtomicLong();

        TimedSplitter(DocumentSplitter delegate, HuggingFaceTokenCountEstimator estimator) {
            this.delegate = delegate;
            this.estimator = estimator;
        }

        @Override
        public List<TextSegment> split(Document document) {
            return count(time(() -> delegate.split(document)));
        }

        @Override
        public List<TextSegment> splitAll(List<Document> documents) {
            return count(time(() -> delegate.splitAll(documents)));
        }

        private List<TextSegment> time(java.util.function.Supplier<List<TextSegment>> work) {
            long a = System.nanoTime();
            List<TextSegment> result = work.get();
            nanos.addAndGet(System.nanoTime() - a);
            return result;
        }

        private List<TextSegment> count(List<TextSegment> result) {
            segments.addAndGet(result.size());
            for (TextSegment s : result) {
                tokens.addAndGet(estimator.estimateTokenCountInText(s.text()));
            }
            return result;
        }
    }

    /** Times the embedding model and notes when the first vector came out. */
    static final class TimedModel implements EmbeddingModel {
        final EmbeddingModel delegate;
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong embedded = new AtomicLong();
        volatile long firstEmbeddedAtMillis;

        TimedModel(EmbeddingModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            long a = System.nanoTime();
            Response<List<Embedding>> r = delegate.embedAll(segments);
            nanos.addAndGet(System.nanoTime() - a);
            embedded.addAndGet(r.content().size());
            if (firstEmbeddedAtMillis == 0) {
                // embedAll returns all vectors of a document at once: this is when the first batch was out
                firstEmbeddedAtMillis = System.currentTimeMillis();
            }
            return r;
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public String modelName() {
            return delegate.modelName();
        }
    }
}
