package io.milvusingest.camel;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.embed.Embedder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of a {@code milvus-ingest} endpoint, each declared once here. Defaults are those of the application's
 * {@code config/application.properties} keys named in each description ({@code MilvusIngestConfigurationTest} checks
 * they agree); {@link #toIngestConfig(Path)} turns them into the core's validated configuration.
 */
@UriParams
@Configurer
public class MilvusIngestConfiguration implements Cloneable {
    @UriPath(description = "The Milvus collection (letters, digits and '_', not starting with a digit); created on"
            + " first use with the dense + BM25 schema.")
    @Metadata(required = true)
    private String collection;
    @UriParam(defaultValue = "ingest", enums = "ingest,delete,search",
              description = "The operation: ingest the body's document, delete a source's rows, or search the"
                      + " body's question. The header CamelMilvusIngestOperation overrides it.")
    private MilvusIngestOperation operation = MilvusIngestOperation.ingest;

    @UriParam(label = "milvus", defaultValue = "./data/milvus",
              description = "Milvus: http(s)://host:port of a server, or a local data directory served by an"
                      + " embedded Milvus Lite (milvus.uri).")
    private String milvusUri = "./data/milvus";
    @UriParam(label = "milvus,security", secret = true,
              description = "Token of a Milvus server with authentication, e.g. user:password (milvus.token).")
    private String token;
    @UriParam(label = "milvus,advanced",
              description = "A Milvus client to use instead of connecting to milvusUri; its owner closes it.")
    private MilvusClientV2 milvusClient;
    @UriParam(label = "milvus,advanced", defaultValue = ".venv/bin/milvus-lite",
              description = "The milvus-lite executable started for a local milvusUri (milvus.lite.command).")
    private String milvusLiteCommand = ".venv/bin/milvus-lite";
    @UriParam(label = "milvus,advanced", defaultValue = "10000", javaType = "long",
              description = "How long connecting to Milvus may take, in ms (milvus.connect-timeout-ms).")
    private long connectTimeoutMs = 10_000;
    @UriParam(label = "milvus,advanced", defaultValue = "300000", javaType = "long",
              description = "Deadline of each Milvus call in ms, the client's retries included; an unanswered call"
                      + " fails as STORE_UNAVAILABLE (transient). 0: no deadline (milvus.call-timeout-ms).")
    private long callTimeoutMs = 300_000;
    @UriParam(label = "milvus", defaultValue = "false",
              description = "Drop and recreate the collection when the endpoint starts (milvus.recreate).")
    private boolean recreate;
    @UriParam(label = "milvus", defaultValue = "hnsw", enums = "hnsw,gpu_cagra",
              description = "Dense index type (milvus.index.type).")
    private String indexType = "hnsw";
    @UriParam(label = "milvus", defaultValue = "false",
              description = "Always stream rows with upsert; false: bulk import jobs of at least bulkThreshold rows"
                      + " through Milvus's object storage (milvus.stream). Milvus Lite always streams.")
    private boolean stream;
    @UriParam(label = "milvus", defaultValue = "5000",
              description = "Rows from which a job is bulk imported rather than streamed (milvus.bulk.threshold).")
    private int bulkThreshold = 5000;

    @UriParam(label = "milvus,security", secret = true,
              description = "User name of a Milvus server with authentication, with password; token is the"
                      + " alternative (milvus.user).")
    private String user;
    @UriParam(label = "milvus,security", secret = true,
              description = "Password of user (milvus.password).")
    private String password;
    @UriParam(label = "milvus",
              description = "Route rows by content type to other collections: a JSON object of type (text, table,"
                      + " chart, image) to collection, e.g. {\"table\": \"tables\"}; types not listed go to the"
                      + " endpoint's collection. A re-ingested document is replaced in every collection; no bulk"
                      + " import then (milvus.collections).")
    private String collections;
    @UriParam(label = "milvus,advanced", defaultValue = "256",
              description = "Rows per upsert request (milvus.batch-size).")
    private int batchSize = 256;

    @UriParam(label = "bulk", defaultValue = "localhost:9000",
              description = "Bulk import: Milvus's object storage (MinIO or AWS S3), host:port or http(s) URL"
                      + " (milvus.bulk.endpoint).")
    private String bulkEndpoint = "localhost:9000";
    @UriParam(label = "bulk", defaultValue = "false",
              description = "Bulk import: reach bulkEndpoint over TLS (https); must agree with a URL's scheme"
                      + " (milvus.bulk.tls).")
    private boolean bulkTls;
    @UriParam(label = "bulk", defaultValue = "us-east-1",
              description = "Bulk import: S3 region of bulkEndpoint; MinIO ignores it (milvus.bulk.region).")
    private String bulkRegion = "us-east-1";
    @UriParam(label = "bulk,security", defaultValue = "minioadmin", secret = true,
              description = "Bulk import: access key of the object storage; the default is MinIO's in Milvus's"
                      + " docker-compose (milvus.bulk.access-key).")
    private String bulkAccessKey = "minioadmin";
    @UriParam(label = "bulk,security", defaultValue = "minioadmin", secret = true,
              description = "Bulk import: secret key of the object storage (milvus.bulk.secret-key).")
    private String bulkSecretKey = "minioadmin";
    @UriParam(label = "bulk", defaultValue = "a-bucket",
              description = "Bulk import: Milvus's own bucket (its minio.bucketName), the only one it reads import"
                      + " files from; checked at start (milvus.bulk.bucket).")
    private String bulkBucket = "a-bucket";
    @UriParam(label = "bulk", defaultValue = "files/bulk-import",
              description = "Bulk import: key prefix of staged files, under Milvus's minio.rootPath; each job uses"
                      + " <prefix>/<uuid>/part-N.<ext> (milvus.bulk.prefix).")
    private String bulkPrefix = "files/bulk-import";
    @UriParam(label = "bulk", defaultValue = "false",
              description = "Bulk import: keep the staged files in the bucket after the import"
                      + " (milvus.bulk.keep-files).")
    private boolean bulkKeepFiles;
    @UriParam(label = "bulk", defaultValue = "3600",
              description = "Bulk import: time allowed for one import job, from upload to searchable, in seconds"
                      + " (milvus.bulk.timeout-s).")
    private int bulkTimeoutSeconds = 3600;

    @UriParam(label = "chunk", defaultValue = "384",
              description = "Chunk length in model tokens (chunk.size); at most the model's 510 (512 minus [CLS] and [SEP]).")
    private int chunkSize = 384;
    @UriParam(label = "chunk", defaultValue = "64",
              description = "Tokens shared by consecutive chunks, less than chunkSize (chunk.overlap).")
    private int chunkOverlap = 64;
    @UriParam(label = "chunk", defaultValue = "true",
              description = "Cut PDF page text at the outline (bookmark) headings starting on the page before cutting"
                      + " by tokens (chunk.by-heading).")
    private boolean chunkByHeading = true;
    @UriParam(label = "embed", defaultValue = "true",
              description = "Embed each chunk with its document title and heading path in front; the stored text"
                      + " stays the chunk (embed.context-prefix).")
    private boolean contextPrefix = true;

    @UriParam(label = "embed", defaultValue = "local", enums = "local,openai",
              description = "local: the in-process bge-small-en-v1.5 model; openai: an OpenAI-compatible"
                      + " /embeddings endpoint at embedBaseUrl (embed.provider).")
    private String embedProvider = "local";
    @UriParam(label = "embed", description = "Base URL of the OpenAI-compatible endpoint, e.g."
            + " http://localhost:8000/v1 (embed.remote.url).")
    private String embedBaseUrl;
    @UriParam(label = "embed", description = "Model name sent to the OpenAI-compatible endpoint (embed.remote.model).")
    private String embedModel;
    @UriParam(label = "embed,security", secret = true,
              description = "API key of the OpenAI-compatible endpoint, sent as a Bearer token.")
    private String embedApiKey;
    @UriParam(label = "embed", defaultValue = "0",
              description = "Dimensions asked of the endpoint; 0: the model's own (embed.remote.dimensions).")
    private int embedDimensions;
    @UriParam(label = "embed,advanced",
              description = "An embedder to use instead of embedProvider; its owner closes it. Chunks are measured"
                      + " with bge-small's tokenizer.")
    private Embedder embedder;
    @UriParam(label = "embed", defaultValue = "2",
              description = "Concurrent inference calls on the shared model, 1..64 (embed.parallelism).")
    private int embedParallelism = 2;

    @UriParam(label = "extract", defaultValue = "true", description = "Extract text (extract.text).")
    private boolean extractText = true;
    @UriParam(label = "extract", defaultValue = "true", description = "Extract tables (extract.tables).")
    private boolean extractTables = true;
    @UriParam(label = "extract", defaultValue = "true",
              description = "Extract embedded images, when OCR of images or a store would use them (extract.images).")
    private boolean extractImages = true;
    @UriParam(label = "extract", defaultValue = "true",
              description = "OCR scanned pages with tesseract when it is installed (extract.ocr).")
    private boolean ocr = true;

    @UriParam(label = "extract,security", secret = true,
              description = "Comma-separated user passwords tried, in turn, on encrypted PDFs after the empty"
                      + " password (extract.pdf.passwords).")
    private String pdfPasswords;
    @UriParam(label = "extract", defaultValue = "300000", javaType = "long",
              description = "Wall-clock budget for extracting one document in ms; longer fails as TIMEOUT"
                      + " (extract.timeout-ms).")
    private long extractTimeoutMs = 300_000;
    @UriParam(label = "extract", defaultValue = "268435456", javaType = "long",
              description = "Largest document accepted, in bytes; larger fails as TOO_LARGE (ingest.max-bytes).")
    private long maxBytes = 268_435_456;
    @UriParam(label = "extract", defaultValue = "10000",
              description = "Most pages accepted per document; more fails as TOO_LARGE (ingest.max-pages).")
    private int maxPages = 10_000;

    @UriParam(label = "upload", defaultValue = "true",
              description = "Chunk, embed and write text elements (upload.enable-text).")
    private boolean uploadText = true;
    @UriParam(label = "upload", defaultValue = "true",
              description = "Chunk, embed and write table elements (upload.enable-tables).")
    private boolean uploadTables = true;
    @UriParam(label = "upload", defaultValue = "true",
              description = "Chunk, embed and write image and chart elements (upload.enable-images).")
    private boolean uploadImages = true;

    @UriParam(label = "store",
              description = "Element store: file:///absolute/folder or s3://bucket/prefix where extracted images and"
                      + " tables are written, their URI going into content_metadata; empty: none (store.uri).")
    private String storeUri;
    @UriParam(label = "store", defaultValue = "true",
              description = "Element store: write extracted images when storeUri is set (store.images).")
    private boolean storeImages = true;
    @UriParam(label = "store", defaultValue = "true",
              description = "Element store: write extracted tables, as Markdown, when storeUri is set"
                      + " (store.tables).")
    private boolean storeTables = true;
    @UriParam(label = "store", defaultValue = "us-east-1",
              description = "Element store: S3 region; MinIO ignores it (store.s3.region).")
    private String storeS3Region = "us-east-1";
    @UriParam(label = "store",
              description = "Element store: S3 endpoint, e.g. http://localhost:9000 for MinIO; empty: AWS"
                      + " (store.s3.uri-endpoint-override).")
    private String storeS3UriEndpointOverride;
    @UriParam(label = "store", defaultValue = "false",
              description = "Element store: path-style bucket addressing, which MinIO needs"
                      + " (store.s3.force-path-style).")
    private boolean storeS3ForcePathStyle;
    @UriParam(label = "store,security", secret = true,
              description = "Element store: static S3 access key, with storeS3SecretKey; neither: the AWS default"
                      + " credentials chain (store.s3.access-key).")
    private String storeS3AccessKey;
    @UriParam(label = "store,security", secret = true,
              description = "Element store: static S3 secret key (store.s3.secret-key).")
    private String storeS3SecretKey;

    @UriParam(label = "search", defaultValue = "hybrid", enums = "hybrid,dense,sparse",
              description = "Search: hybrid (dense + BM25, fused as ranker says), dense or sparse (BM25).")
    private String searchMode = "hybrid";
    @UriParam(label = "search", defaultValue = "minmax", enums = "minmax,rrf,weighted",
              description = "Search: how hybrid search fuses its two lists: minmax (each list's scores min-max"
                      + " normalized per query, then summed with denseWeight), rrf (RRF, k=60) or weighted (Milvus's"
                      + " WeightedRanker) (search.ranker).")
    private String ranker = "minmax";
    @UriParam(label = "search", defaultValue = "0.5",
              description = "Search: with ranker minmax or weighted, the dense list's weight, 0..1; BM25 gets 1 minus"
                      + " it (search.dense-weight).")
    private double denseWeight = 0.5;
    @UriParam(label = "search", defaultValue = "50",
              description = "Search: with ranker minmax, hits fetched from each of the two searches and normalized"
                      + " together, or topK when more (search.candidates).")
    private int fusionCandidates = 50;
    @UriParam(label = "search", defaultValue = "5", description = "Search: results to return (search.top-k).")
    private int topK = 5;
    @UriParam(label = "search", description = "Search: Milvus boolean expression the hits must match, on the JSON"
            + " fields source (source_id, source_name) and content_metadata (page_number, type).")
    private String filter;
    @UriParam(label = "search", defaultValue = "true",
              description = "Search: embed questions as queries (bge-small: prefixed with its retrieval instruction;"
                      + " remote models: input_type=query); false: as passages (search.query-instruction).")
    private boolean queryInstruction = true;
    @UriParam(label = "search", defaultValue = "none", enums = "none,remote",
              description = "Search: none, or rerank the candidates with a service speaking NVIDIA NIM's reranking"
                      + " API at rerankBaseUrl (search.rerank).")
    private String rerank = "none";
    @UriParam(label = "search", description = "Search: base URL of the reranking service, e.g."
            + " http://localhost:8000/v1 (search.rerank.url).")
    private String rerankBaseUrl;
    @UriParam(label = "search", description = "Search: model name sent to the reranking service (search.rerank.model).")
    private String rerankModel;
    @UriParam(label = "search,security", secret = true,
              description = "Search: API key of the reranking service, sent as a Bearer token.")
    private String rerankApiKey;
    @UriParam(label = "search", defaultValue = "20",
              description = "Search: candidates reranked per search, or topK when more (search.rerank.top-n).")
    private int rerankTopN = 20;

    /**
     * @param home the directory a relative milvusUri and milvusLiteCommand resolve against
     * @throws IllegalArgumentException naming the option of the first invalid value
     */
    public IngestConfig toIngestConfig(Path home) {
        if (chunkOverlap >= chunkSize) {
            throw new IllegalArgumentException("chunkOverlap=" + chunkOverlap + " must be smaller than chunkSize="
                    + chunkSize);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("milvus.collection", collection);
        keys.put("milvus.uri", milvusUri);
        put(keys, "milvus.token", token);
        keys.put("milvus.lite.command", milvusLiteCommand);
        keys.put("milvus.connect-timeout-ms", Long.toString(connectTimeoutMs));
        keys.put("milvus.call-timeout-ms", Long.toString(callTimeoutMs));
        keys.put("milvus.recreate", Boolean.toString(recreate));
        keys.put("milvus.index.type", indexType);
        keys.put("milvus.stream", Boolean.toString(stream));
        keys.put("milvus.bulk.threshold", Integer.toString(bulkThreshold));
        put(keys, "milvus.user", user);
        put(keys, "milvus.password", password);
        put(keys, "milvus.collections", collections);
        keys.put("milvus.batch-size", Integer.toString(batchSize));
        keys.put("milvus.bulk.endpoint", bulkEndpoint);
        keys.put("milvus.bulk.tls", Boolean.toString(bulkTls));
        keys.put("milvus.bulk.region", bulkRegion);
        keys.put("milvus.bulk.access-key", bulkAccessKey);
        keys.put("milvus.bulk.secret-key", bulkSecretKey);
        keys.put("milvus.bulk.bucket", bulkBucket);
        keys.put("milvus.bulk.prefix", bulkPrefix);
        keys.put("milvus.bulk.keep-files", Boolean.toString(bulkKeepFiles));
        keys.put("milvus.bulk.timeout-s", Integer.toString(bulkTimeoutSeconds));
        keys.put("chunk.size", Integer.toString(chunkSize));
        keys.put("chunk.overlap", Integer.toString(chunkOverlap));
        keys.put("chunk.by-heading", Boolean.toString(chunkByHeading));
        keys.put("embed.context-prefix", Boolean.toString(contextPrefix));
        keys.put("search.ranker", ranker);
        keys.put("search.dense-weight", Double.toString(denseWeight));
        keys.put("search.candidates", Integer.toString(fusionCandidates));
        keys.put("embed.provider", embedder != null ? "local" : embedProvider);
        put(keys, "embed.remote.url", embedBaseUrl);
        put(keys, "embed.remote.model", embedModel);
        keys.put("embed.remote.dimensions", Integer.toString(embedDimensions));
        keys.put("embed.remote.api-key-env", "");
        keys.put("embed.parallelism", Integer.toString(embedParallelism));
        keys.put("extract.text", Boolean.toString(extractText));
        keys.put("extract.tables", Boolean.toString(extractTables));
        keys.put("extract.images", Boolean.toString(extractImages));
        keys.put("extract.ocr", Boolean.toString(ocr));
        put(keys, "extract.pdf.passwords", pdfPasswords);
        keys.put("extract.timeout-ms", Long.toString(extractTimeoutMs));
        keys.put("ingest.max-bytes", Long.toString(maxBytes));
        keys.put("ingest.max-pages", Integer.toString(maxPages));
        keys.put("upload.enable-text", Boolean.toString(uploadText));
        keys.put("upload.enable-tables", Boolean.toString(uploadTables));
        keys.put("upload.enable-images", Boolean.toString(uploadImages));
        put(keys, "store.uri", storeUri);
        keys.put("store.images", Boolean.toString(storeImages));
        keys.put("store.tables", Boolean.toString(storeTables));
        keys.put("store.s3.region", storeS3Region);
        put(keys, "store.s3.uri-endpoint-override", storeS3UriEndpointOverride);
        keys.put("store.s3.force-path-style", Boolean.toString(storeS3ForcePathStyle));
        put(keys, "store.s3.access-key", storeS3AccessKey);
        put(keys, "store.s3.secret-key", storeS3SecretKey);
        keys.put("search.query-instruction", Boolean.toString(queryInstruction));
        keys.put("search.rerank", rerank);
        put(keys, "search.rerank.url", rerankBaseUrl);
        put(keys, "search.rerank.model", rerankModel);
        keys.put("search.rerank.api-key-env", "");
        keys.put("search.rerank.top-n", Integer.toString(rerankTopN));
        try {
            IngestConfig c = IngestConfig.from(ConfigSource.of(keys), home);
            return (embedApiKey == null || c.remoteEmbedder() == null)
                    && (rerankApiKey == null || c.rerank() == null) ? c : withApiKeys(c);
        } catch (RuntimeException e) { // ConfigException names the key; endpoint users know the option
            String option = OptionNames.optionOf(e.getMessage());
            throw new IllegalArgumentException("invalid milvus-ingest option" + (option == null ? "" : " " + option)
                    + ": " + e.getMessage(), e);
        }
    }

    private IngestConfig withApiKeys(IngestConfig c) {
        var r = c.remoteEmbedder();
        var keyed = embedApiKey == null || r == null ? r : new io.milvusingest.embed.RemoteEmbedderOptions(r.baseUrl(),
                r.model(), embedApiKey, r.dimensions(), r.truncate(), r.batchSize(), r.timeout(), r.maxRetries(),
                r.backoff(), r.maxTokens());
        var k = c.rerank();
        var rerankKeyed = rerankApiKey == null || k == null ? k : new io.milvusingest.rerank.RemoteRerankerOptions(
                k.baseUrl(), k.model(), rerankApiKey, k.topN(), k.timeout(), k.maxRetries(), k.backoff());
        return new IngestConfig(c.inbox(), c.pollDelayMs(), c.dropFolder(), c.include(), c.pdfPasswords(), c.chunkSize(),
                c.chunkOverlap(), c.embedBatchSize(), c.embedThreads(), c.milvus(), c.searchTopK(), c.extract(),
                c.ocr(), c.upload(), c.store(), keyed, c.caption(), c.limits(), c.retry(), c.reportDir(),
                c.healthHost(), c.healthPort(), c.sync(), c.bulk(), c.pipelining(), c.search(), c.contextPrefix(),
                c.chunkByHeading(), rerankKeyed, c.serve());
    }

    private static void put(Map<String, String> keys, String key, String value) {
        if (value != null && !value.isBlank()) {
            keys.put(key, value);
        }
    }

    /** @return a copy an endpoint can change without touching the component's */
    public MilvusIngestConfiguration copy() {
        try {
            return (MilvusIngestConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getCollection() {
        return collection;
    }

    public void setCollection(String collection) {
        this.collection = collection;
    }

    public MilvusIngestOperation getOperation() {
        return operation;
    }

    public void setOperation(MilvusIngestOperation operation) {
        this.operation = operation;
    }

    public String getMilvusUri() {
        return milvusUri;
    }

    public void setMilvusUri(String milvusUri) {
        this.milvusUri = milvusUri;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public MilvusClientV2 getMilvusClient() {
        return milvusClient;
    }

    public void setMilvusClient(MilvusClientV2 milvusClient) {
        this.milvusClient = milvusClient;
    }

    public String getMilvusLiteCommand() {
        return milvusLiteCommand;
    }

    public void setMilvusLiteCommand(String milvusLiteCommand) {
        this.milvusLiteCommand = milvusLiteCommand;
    }

    public boolean isRecreate() {
        return recreate;
    }

    public void setRecreate(boolean recreate) {
        this.recreate = recreate;
    }

    public String getIndexType() {
        return indexType;
    }

    public void setIndexType(String indexType) {
        this.indexType = indexType;
    }

    public boolean isStream() {
        return stream;
    }

    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public int getBulkThreshold() {
        return bulkThreshold;
    }

    public void setBulkThreshold(int bulkThreshold) {
        this.bulkThreshold = bulkThreshold;
    }

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    public int getChunkOverlap() {
        return chunkOverlap;
    }

    public void setChunkOverlap(int chunkOverlap) {
        this.chunkOverlap = chunkOverlap;
    }

    public String getEmbedProvider() {
        return embedProvider;
    }

    public void setEmbedProvider(String embedProvider) {
        this.embedProvider = embedProvider;
    }

    public String getEmbedBaseUrl() {
        return embedBaseUrl;
    }

    public void setEmbedBaseUrl(String embedBaseUrl) {
        this.embedBaseUrl = embedBaseUrl;
    }

    public String getEmbedModel() {
        return embedModel;
    }

    public void setEmbedModel(String embedModel) {
        this.embedModel = embedModel;
    }

    public String getEmbedApiKey() {
        return embedApiKey;
    }

    public void setEmbedApiKey(String embedApiKey) {
        this.embedApiKey = embedApiKey;
    }

    public int getEmbedDimensions() {
        return embedDimensions;
    }

    public void setEmbedDimensions(int embedDimensions) {
        this.embedDimensions = embedDimensions;
    }

    public Embedder getEmbedder() {
        return embedder;
    }

    public void setEmbedder(Embedder embedder) {
        this.embedder = embedder;
    }

    public int getEmbedParallelism() {
        return embedParallelism;
    }

    public void setEmbedParallelism(int embedParallelism) {
        this.embedParallelism = embedParallelism;
    }

    public boolean isExtractText() {
        return extractText;
    }

    public void setExtractText(boolean extractText) {
        this.extractText = extractText;
    }

    public boolean isExtractTables() {
        return extractTables;
    }

    public void setExtractTables(boolean extractTables) {
        this.extractTables = extractTables;
    }

    public boolean isExtractImages() {
        return extractImages;
    }

    public void setExtractImages(boolean extractImages) {
        this.extractImages = extractImages;
    }

    public boolean isOcr() {
        return ocr;
    }

    public void setOcr(boolean ocr) {
        this.ocr = ocr;
    }

    public String getSearchMode() {
        return searchMode;
    }

    public void setSearchMode(String searchMode) {
        this.searchMode = searchMode;
    }

    public int getTopK() {
        return topK;
    }

    public void setTopK(int topK) {
        this.topK = topK;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getRerank() {
        return rerank;
    }

    public void setRerank(String rerank) {
        this.rerank = rerank;
    }

    public String getRerankBaseUrl() {
        return rerankBaseUrl;
    }

    public void setRerankBaseUrl(String rerankBaseUrl) {
        this.rerankBaseUrl = rerankBaseUrl;
    }

    public String getRerankModel() {
        return rerankModel;
    }

    public void setRerankModel(String rerankModel) {
        this.rerankModel = rerankModel;
    }

    public String getRerankApiKey() {
        return rerankApiKey;
    }

    public void setRerankApiKey(String rerankApiKey) {
        this.rerankApiKey = rerankApiKey;
    }

    public int getRerankTopN() {
        return rerankTopN;
    }

    public void setRerankTopN(int rerankTopN) {
        this.rerankTopN = rerankTopN;
    }

    public long getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public void setConnectTimeoutMs(long connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    public long getCallTimeoutMs() {
        return callTimeoutMs;
    }

    public void setCallTimeoutMs(long callTimeoutMs) {
        this.callTimeoutMs = callTimeoutMs;
    }

    public boolean isChunkByHeading() {
        return chunkByHeading;
    }

    public void setChunkByHeading(boolean chunkByHeading) {
        this.chunkByHeading = chunkByHeading;
    }

    public boolean isContextPrefix() {
        return contextPrefix;
    }

    public void setContextPrefix(boolean contextPrefix) {
        this.contextPrefix = contextPrefix;
    }

    public String getRanker() {
        return ranker;
    }

    public void setRanker(String ranker) {
        this.ranker = ranker;
    }

    public double getDenseWeight() {
        return denseWeight;
    }

    public void setDenseWeight(double denseWeight) {
        this.denseWeight = denseWeight;
    }

    public int getFusionCandidates() {
        return fusionCandidates;
    }

    public void setFusionCandidates(int fusionCandidates) {
        this.fusionCandidates = fusionCandidates;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCollections() {
        return collections;
    }

    public void setCollections(String collections) {
        this.collections = collections;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getBulkEndpoint() {
        return bulkEndpoint;
    }

    public void setBulkEndpoint(String bulkEndpoint) {
        this.bulkEndpoint = bulkEndpoint;
    }

    public boolean isBulkTls() {
        return bulkTls;
    }

    public void setBulkTls(boolean bulkTls) {
        this.bulkTls = bulkTls;
    }

    public String getBulkRegion() {
        return bulkRegion;
    }

    public void setBulkRegion(String bulkRegion) {
        this.bulkRegion = bulkRegion;
    }

    public String getBulkAccessKey() {
        return bulkAccessKey;
    }

    public void setBulkAccessKey(String bulkAccessKey) {
        this.bulkAccessKey = bulkAccessKey;
    }

    public String getBulkSecretKey() {
        return bulkSecretKey;
    }

    public void setBulkSecretKey(String bulkSecretKey) {
        this.bulkSecretKey = bulkSecretKey;
    }

    public String getBulkBucket() {
        return bulkBucket;
    }

    public void setBulkBucket(String bulkBucket) {
        this.bulkBucket = bulkBucket;
    }

    public String getBulkPrefix() {
        return bulkPrefix;
    }

    public void setBulkPrefix(String bulkPrefix) {
        this.bulkPrefix = bulkPrefix;
    }

    public boolean isBulkKeepFiles() {
        return bulkKeepFiles;
    }

    public void setBulkKeepFiles(boolean bulkKeepFiles) {
        this.bulkKeepFiles = bulkKeepFiles;
    }

    public int getBulkTimeoutSeconds() {
        return bulkTimeoutSeconds;
    }

    public void setBulkTimeoutSeconds(int bulkTimeoutSeconds) {
        this.bulkTimeoutSeconds = bulkTimeoutSeconds;
    }

    public String getPdfPasswords() {
        return pdfPasswords;
    }

    public void setPdfPasswords(String pdfPasswords) {
        this.pdfPasswords = pdfPasswords;
    }

    public long getExtractTimeoutMs() {
        return extractTimeoutMs;
    }

    public void setExtractTimeoutMs(long extractTimeoutMs) {
        this.extractTimeoutMs = extractTimeoutMs;
    }

    public long getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public boolean isUploadText() {
        return uploadText;
    }

    public void setUploadText(boolean uploadText) {
        this.uploadText = uploadText;
    }

    public boolean isUploadTables() {
        return uploadTables;
    }

    public void setUploadTables(boolean uploadTables) {
        this.uploadTables = uploadTables;
    }

    public boolean isUploadImages() {
        return uploadImages;
    }

    public void setUploadImages(boolean uploadImages) {
        this.uploadImages = uploadImages;
    }

    public String getStoreUri() {
        return storeUri;
    }

    public void setStoreUri(String storeUri) {
        this.storeUri = storeUri;
    }

    public boolean isStoreImages() {
        return storeImages;
    }

    public void setStoreImages(boolean storeImages) {
        this.storeImages = storeImages;
    }

    public boolean isStoreTables() {
        return storeTables;
    }

    public void setStoreTables(boolean storeTables) {
        this.storeTables = storeTables;
    }

    public String getStoreS3Region() {
        return storeS3Region;
    }

    public void setStoreS3Region(String storeS3Region) {
        this.storeS3Region = storeS3Region;
    }

    public String getStoreS3UriEndpointOverride() {
        return storeS3UriEndpointOverride;
    }

    public void setStoreS3UriEndpointOverride(String storeS3UriEndpointOverride) {
        this.storeS3UriEndpointOverride = storeS3UriEndpointOverride;
    }

    public boolean isStoreS3ForcePathStyle() {
        return storeS3ForcePathStyle;
    }

    public void setStoreS3ForcePathStyle(boolean storeS3ForcePathStyle) {
        this.storeS3ForcePathStyle = storeS3ForcePathStyle;
    }

    public String getStoreS3AccessKey() {
        return storeS3AccessKey;
    }

    public void setStoreS3AccessKey(String storeS3AccessKey) {
        this.storeS3AccessKey = storeS3AccessKey;
    }

    public String getStoreS3SecretKey() {
        return storeS3SecretKey;
    }

    public void setStoreS3SecretKey(String storeS3SecretKey) {
        this.storeS3SecretKey = storeS3SecretKey;
    }

    public boolean isQueryInstruction() {
        return queryInstruction;
    }

    public void setQueryInstruction(boolean queryInstruction) {
        this.queryInstruction = queryInstruction;
    }
}
