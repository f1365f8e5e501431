package io.milvusingest.config;

import io.milvusingest.embed.RemoteEmbedderOptions;
import io.milvusingest.extract.ExtractLimits;
import io.milvusingest.extract.ExtractOptions;
import io.milvusingest.extract.TextDepth;
import io.milvusingest.extract.UploadOptions;
import io.milvusingest.model.ContentType;
import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.SearchOptions;
import io.milvusingest.rerank.RemoteRerankerOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The whole, validated configuration; immutable. Each default is written once, here and in the config records'
 * readers, where its key is validated; {@code config/application.properties} documents every key with that
 * default, and {@code DocumentedDefaultsTest} fails when the two differ.
 *
 * @param inbox           drop folder watched by {@code bin/ingest run} ({@code ingest.inbox})
 * @param pollDelayMs     inbox poll interval in ms ({@code ingest.poll-delay-ms})
 * @param dropFolder      how far the inbox is walked and which symbolic links are followed
 *                        ({@code ingest.max-depth}, {@code ingest.follow-symlinks})
 * @param include         file extensions {@code bin/ingest files} takes from folders ({@code ingest.include})
 * @param pdfPasswords    user passwords tried on encrypted PDFs ({@code extract.pdf.passwords})
 * @param chunkSize       chunk length in model tokens ({@code chunk.size})
 * @param chunkOverlap    tokens shared by consecutive chunks ({@code chunk.overlap})
 * @param embedBatchSize  chunks per inference batch ({@code embed.batch-size})
 * @param embedThreads    ONNX Runtime intra-op threads per inference call, 0 = runtime default ({@code embed.threads})
 * @param milvus          Milvus connection and collection settings
 * @param searchTopK      results per search ({@code search.top-k})
 * @param extract         what extraction yields ({@code extract.text}, {@code extract.tables},
 *                        {@code extract.images}, {@code extract.text-depth})
 * @param ocr             OCR settings ({@code extract.ocr}, {@code extract.ocr.timeout-seconds})
 * @param upload          which element types are embedded and written ({@code upload.enable-*})
 * @param store           the store task ({@code store.uri}, {@code store.images}, {@code store.tables})
 * @param remoteEmbedder  the OpenAI-compatible embedding service when {@code embed.provider=openai}, else null
 * @param caption         the captioning service when {@code caption.enabled=true}, else null
 * @param limits          size, page and time limits on one document ({@code ingest.max-bytes},
 *                        {@code ingest.max-pages}, {@code extract.timeout-ms})
 * @param retry           redelivery of transient failures ({@code ingest.retry.*})
 * @param reportDir       folder receiving the JSON run reports ({@code ingest.report-dir})
 * @param healthHost      address the health endpoint binds to ({@code health.host}; loopback unless configured)
 * @param healthPort      HTTP port of {@code /observe/health} while {@code bin/ingest run} runs, 0 = off
 *                        ({@code health.port})
 * @param sync            bucket sync settings ({@code sync.*})
 * @param bulk            stream-or-bulk choice and bulk import settings ({@code milvus.stream}, {@code milvus.bulk.*})
 * @param pipelining      documents in flight and concurrent inference calls ({@code ingest.workers},
 *                        {@code embed.parallelism})
 * @param search          hybrid fusion and query embedding ({@code search.ranker}, {@code search.dense-weight},
 *                        {@code search.query-instruction}, {@code search.candidates})
 * @param contextPrefix   embed each chunk with its document title and section heading prefixed
 *                        ({@code embed.context-prefix})
 * @param chunkByHeading  cut page text at the headings starting on its page before chunking ({@code chunk.by-heading})
 * @param rerank          the reranking service when {@code search.rerank=remote}, else null ({@code search.rerank.*})
 * @param serve           the HTTP service of {@code bin/ingest serve} ({@code serve.host}, {@code serve.port})
 */
public record IngestConfig(Path inbox, long pollDelayMs, DropFolder dropFolder, List<String> include, List<String> pdfPasswords,
                           int chunkSize, int chunkOverlap, int embedBatchSize, int embedThreads,
                           MilvusConfig milvus, int searchTopK, ExtractOptions extract, OcrConfig ocr,
                           UploadOptions upload, StoreConfig store, RemoteEmbedderOptions remoteEmbedder,
                           CaptionConfig caption, ExtractLimits limits, RetryPolicy retry, Path reportDir,
                           String healthHost, int healthPort, SyncConfig sync, BulkConfig bulk, Pipelining pipelining,
                           SearchOptions search, boolean contextPrefix, boolean chunkByHeading,
                           RemoteRerankerOptions rerank, ServeConfig serve) {

    /**
     * How much runs at once. Documents are extracted, split and uploaded on {@code workers} threads, so the
     * next document is extracted while the current one is embedded; all documents' inference calls share
     * one pool of {@code embedParallelism} threads, so a lone large document still uses every caller.
     * Defaults from bench/README.md (2-core machine): 2 concurrent callers of 1 intra-op thread each was
     * the model's fastest layout (22.7 chunks/s against 19.7 for one caller of 2 threads).
     *
     * @param workers          documents in flight at once, 1..64 ({@code ingest.workers})
     * @param embedParallelism concurrent inference calls on the shared model, 1..64 ({@code embed.parallelism})
     */
    public record Pipelining(int workers, int embedParallelism) {
    }

    /**
     * The drop folder's walk of the inbox.
     *
     * @param maxDepth       folder levels below the inbox whose files are ingested, 0..{@value #MAX_DEPTH_LIMIT}
     *                       ({@code ingest.max-depth}; 0 = the inbox's own files only)
     * @param followSymlinks which symbolic links to files are read ({@code ingest.follow-symlinks})
     */
    public record DropFolder(int maxDepth, FollowSymlinks followSymlinks) {
        /** Deepest {@code ingest.max-depth} accepted: far beyond any dropped tree, short of a runaway walk. */
        public static final int MAX_DEPTH_LIMIT = 64;
    }

    /**
     * Redelivery of transient failures (Milvus or object storage unreachable, embedding endpoint 5xx/429) with
     * exponential backoff, doubling from {@code initialDelayMs} up to {@code maxDelayMs}. The defaults (8
     * attempts, 1 s, 30 s) wait about 90 s in all, enough to ride out a Milvus restart.
     *
     * @param attempts       deliveries in all, the first included ({@code ingest.retry.attempts})
     * @param initialDelayMs wait before the first redelivery, ms ({@code ingest.retry.initial-delay-ms})
     * @param maxDelayMs     longest wait between two deliveries, ms ({@code ingest.retry.max-delay-ms})
     */
    public record RetryPolicy(int attempts, long initialDelayMs, long maxDelayMs) {
    }

    /**
     * Milvus settings.
     *
     * @param uri          local data directory (embedded Milvus Lite) or http(s)://host:port
     * @param token        token for a remote Milvus, or null
     * @param user         user name, or null
     * @param password     password, or null
     * @param collection   collection name
     * @param recreate     drop and recreate the collection at start-up
     * @param batchSize    rows per upsert request
     * @param liteCommand  the milvus-lite executable
     * @param denseIndex   dense index type, {@code hnsw} or {@code gpu_cagra} ({@code milvus.index.type})
     * @param commitMinIntervalMs least time between the starts of two group-commit flushes, in ms
     *                     ({@code milvus.commit.min-interval-ms}); unset: {@link #SERVER_COMMIT_INTERVAL_MS} for a
     *                     Milvus server, 0 for an embedded Milvus Lite
     * @param routes       the collection of each routed content type ({@code milvus.collections}, see
     *                     {@link CollectionRoutes}); empty: every row to {@code collection}
     * @param connectTimeout how long connecting may take ({@code milvus.connect-timeout-ms})
     * @param callTimeout  deadline of each Milvus call, the client's retries included; zero for none
     *                     ({@code milvus.call-timeout-ms})
     */
    public record MilvusConfig(String uri, String token, String user, String password, String collection,
                               boolean recreate, int batchSize, Path liteCommand, String denseIndex,
                               long commitMinIntervalMs, Map<ContentType, String> routes, Duration connectTimeout,
                               Duration callTimeout) {
        /**
         * Default spacing of flushes against a Milvus server, in ms: its milvus.yaml (2.4, 2.5) limits flush to
         * {@code quotaAndLimits.flushRate.collection.max: 0.1} per second per collection, one per 10 s; a faster
         * flush is refused (rate limited) and would fail the documents waiting for it. Embedded Milvus Lite has no
         * quota and flushes locally in milliseconds, so there the default is 0 (flush as soon as one is wanted).
         */
        public static final long SERVER_COMMIT_INTERVAL_MS = 10_000;

        /** @return true when {@link #uri()} names a local data directory served by an embedded Milvus Lite */
        public boolean embedded() {
            return isEmbedded(uri);
        }

        static boolean isEmbedded(String uri) {
            return !(uri.startsWith("http://") || uri.startsWith("https://") || uri.startsWith("tcp://"));
        }

        @Override
        public String toString() { // never print secrets
            return "MilvusConfig[uri=" + uri + ", collection=" + collection + ", recreate=" + recreate
                    + ", auth=" + (token != null ? "token" : user != null ? "user/password" : "none") + "]";
        }
    }

    /**
     * Reads and validates every key.
     *
     * @param home the project directory against which relative paths are resolved
     * @throws ConfigException naming the key of the first invalid value
     */
    public static IngestConfig from(ConfigSource src, Path home) {
        Keys k = new Keys(src);
        String milvusUri = k.string("milvus.uri", "./data/milvus");
        MilvusConfig milvus = new MilvusConfig(
                milvusUri, src.get("milvus.token"), src.get("milvus.user"),
                src.get("milvus.password"), k.identifier("milvus.collection", "nv_ingest_collection"),
                k.bool("milvus.recreate", false), k.positive("milvus.batch-size", 256),
                home.resolve(k.string("milvus.lite.command", ".venv/bin/milvus-lite")).normalize(),
                k.choice("milvus.index.type", "hnsw", List.of("hnsw", "gpu_cagra")),
                k.nonNegativeLong("milvus.commit.min-interval-ms", MilvusConfig.isEmbedded(milvusUri)
                        ? 0 : MilvusConfig.SERVER_COMMIT_INTERVAL_MS),
                Map.copyOf(CollectionRoutes.parse(src.get("milvus.collections"))),
                Duration.ofMillis(k.positiveLong("milvus.connect-timeout-ms",
                        MilvusConnector.DEFAULT_CONNECT_TIMEOUT.toMillis())),
                Duration.ofMillis(k.nonNegativeLong("milvus.call-timeout-ms", MilvusConnector.DEFAULT_CALL_TIMEOUT.toMillis())));
        List<String> include = k.list("ingest.include", "pdf,docx,pptx,txt,md,markdown,html,htm,png,jpg,jpeg,tif,tiff");
        IngestConfig c = new IngestConfig(
                home.resolve(k.string("ingest.inbox", "./inbox")).normalize(),
                k.positive("ingest.poll-delay-ms", 2000),
                new DropFolder(k.range("ingest.max-depth", 10, 0, DropFolder.MAX_DEPTH_LIMIT),
                        FollowSymlinks.parse(k.choice("ingest.follow-symlinks", "inside", FollowSymlinks.NAMES))),
                include,
                k.list("extract.pdf.passwords", ""),
                k.positive("chunk.size", 384), k.nonNegative("chunk.overlap", 64),
                k.positive("embed.batch-size", 1), k.nonNegative("embed.threads", 1),
                milvus, k.positive("search.top-k", 5),
                new ExtractOptions(k.bool("extract.text", true), k.bool("extract.tables", true),
                        k.bool("extract.images", true), k.textDepth("extract.text-depth", TextDepth.PAGE)),
                new OcrConfig(k.bool("extract.ocr", true), k.positive("extract.ocr.timeout-seconds", 120),
                        k.bool("extract.images.ocr", false)),
                new UploadOptions(k.bool("upload.enable-text", true), k.bool("upload.enable-tables", true),
                        k.bool("upload.enable-images", true)),
                StoreConfig.from(k, src),
                RemoteEmbedderConfig.read(src, k::string, k::nonNegative, k::positive),
                CaptionConfig.read(src, k.bool("caption.enabled", false), k::string, k::positive, k::nonNegative),
                new ExtractLimits(k.positiveLong("ingest.max-bytes", ExtractLimits.DEFAULTS.maxBytes()),
                        k.positive("ingest.max-pages", ExtractLimits.DEFAULTS.maxPages()),
                        Duration.ofMillis(k.positiveLong("extract.timeout-ms", ExtractLimits.DEFAULTS.timeout().toMillis())),
                        k.positiveLong("extract.max-image-pixels", ExtractLimits.DEFAULTS.maxImagePixels())),
                new RetryPolicy(k.positive("ingest.retry.attempts", 8), k.positiveLong("ingest.retry.initial-delay-ms", 1000),
                        k.positiveLong("ingest.retry.max-delay-ms", 30_000)),
                home.resolve(k.string("ingest.report-dir", "./reports")).normalize(),
                k.host("health.host", "127.0.0.1"), k.nonNegative("health.port", 8080), SyncConfig.from(src, home, include), BulkConfig.from(k),
                new Pipelining(k.atMost("ingest.workers", 2, 64), k.atMost("embed.parallelism", 2, 64)),
                new SearchOptions(SearchOptions.Fusion.valueOf(k.choice("search.ranker",
                        SearchOptions.DEFAULTS.fusion().name().toLowerCase(java.util.Locale.ROOT),
                        List.of("minmax", "rrf", "weighted")).toUpperCase(java.util.Locale.ROOT)),
                        k.fraction("search.dense-weight", SearchOptions.DEFAULTS.denseWeight()),
                        k.bool("search.query-instruction", SearchOptions.DEFAULTS.queryInstruction()),
                        k.atMost("search.candidates", SearchOptions.DEFAULTS.candidates(), HybridSearcher.MAX_TOP_K)),
                k.bool("embed.context-prefix", true), k.bool("chunk.by-heading", true), RerankConfig.read(src, k),
                ServeConfig.read(k, home, home.resolve(k.string("ingest.inbox", "./inbox")).normalize()));
        if (c.chunkOverlap >= c.chunkSize) {
            throw new ConfigException("chunk.overlap=" + c.chunkOverlap + " must be smaller than chunk.size=" + c.chunkSize);
        }
        return c;
    }

    /** The record's own form, except the PDF passwords, counted; the nested configurations hide their secrets. */
    @Override
    public String toString() {
        java.util.StringJoiner s = new java.util.StringJoiner(", ", "IngestConfig[", "]");
        for (java.lang.reflect.RecordComponent c : IngestConfig.class.getRecordComponents()) {
            Object value;
            try {
                value = c.getName().equals("pdfPasswords") ? pdfPasswords.size() + " hidden" : c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            s.add(c.getName() + "=" + value);
        }
        return s.toString();
    }

    /** Typed, validated look-ups whose errors name the key (shared with {@link SyncConfig}). */
    record Keys(ConfigSource src) {
        String string(String key, String def) {
            String v = src.get(key);
            return v == null ? def : v;
        }

        int positive(String key, int def) {
            int v = integer(key, def);
            if (v < 1) {
                throw new ConfigException(key + "=" + v + " must be at least 1");
            }
            return v;
        }

        long positiveLong(String key, long def) {
            long n = longValue(key, def);
            if (n < 1) {
                throw new ConfigException(key + "=" + n + " must be at least 1");
            }
            return n;
        }

        /** @return the value, 1..max */
        int atMost(String key, int def, int max) {
            int v = positive(key, def);
            if (v > max) {
                throw new ConfigException(key + "=" + v + " must be at most " + max);
            }
            return v;
        }

        /** @return the value, min..max */
        int range(String key, int def, int min, int max) {
            int v = integer(key, def);
            if (v < min || v > max) {
                throw new ConfigException(key + "=" + v + " must be between " + min + " and " + max);
            }
            return v;
        }

        /** @return a host name or IP address to bind to: one token, no scheme, port or path */
        String host(String key, String def) {
            String v = string(key, def);
            if (!v.matches("[A-Za-z0-9._:%-]+|\\[[0-9A-Fa-f:.%]+]")) {
                throw new ConfigException(key + "='" + v + "' must be a host name or an IP address, e.g. 127.0.0.1"
                        + " or 0.0.0.0 (every interface)");
            }
            return v;
        }

        long nonNegativeLong(String key, long def) {
            long n = longValue(key, def);
            if (n < 0) {
                throw new ConfigException(key + "=" + n + " must not be negative");
            }
            return n;
        }

        private long longValue(String key, long def) {
            String v = src.get(key);
            try {
                return v == null ? def : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(key + "='" + v + "' is not a whole number");
            }
        }

        int nonNegative(String key, int def) {
            int v = integer(key, def);
            if (v < 0) {
                throw new ConfigException(key + "=" + v + " must not be negative");
            }
            return v;
        }

        int integer(String key, int def) {
            String v = src.get(key);
            try {
                return v == null ? def : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(key + "='" + v + "' is not a whole number");
            }
        }

        /** @return a number in [0, 1] */
        double fraction(String key, double def) {
            String v = src.get(key);
            double d;
            try {
                d = v == null ? def : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(key + "='" + v + "' is not a number");
            }
            if (!(d >= 0 && d <= 1)) {
                throw new ConfigException(key + "=" + v + " must be between 0 and 1");
            }
            return d;
        }

        boolean bool(String key, boolean def) {
            String v = src.get(key);
            if (v == null) {
                return def;
            }
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new ConfigException(key + "='" + v + "' must be true or false");
            }
            return Boolean.parseBoolean(v);
        }

        String choice(String key, String def, List<String> allowed) {
            String v = string(key, def).trim().toLowerCase(java.util.Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new ConfigException(key + "='" + v + "' must be one of " + String.join(", ", allowed));
            }
            return v;
        }

        String identifier(String key, String def) {
            String v = string(key, def);
            // Milvus collection names: letters, digits, underscores, not starting with a digit.
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]{0,254}")) {
                throw new ConfigException(key + "='" + v + "' is not a valid Milvus collection name"
                        + " (letters, digits and '_', not starting with a digit)");
            }
            return v;
        }

        TextDepth textDepth(String key, TextDepth def) {
            String v = src.get(key);
            try {
                return v == null ? def : TextDepth.parse(v);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + "='" + v + "' must be page or document");
            }
        }

        List<String> list(String key, String def) {
            return Arrays.stream(string(key, def).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
