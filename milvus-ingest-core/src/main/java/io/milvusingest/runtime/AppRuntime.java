package io.milvusingest.runtime;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.bulk.BulkConnection;
import io.milvusingest.bulk.BulkImporter;
import io.milvusingest.bulk.ObjectStore;
import io.milvusingest.upload.StagingWriter;
import io.milvusingest.upload.StreamOrBulkWriter;
import io.milvusingest.chunk.OutlineChunking;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.embed.Embedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.extract.Extractors;
import io.milvusingest.extract.GuardedExtractor;
import io.milvusingest.extract.Ocr;
import io.milvusingest.extract.TesseractOcr;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.GroupCommit;
import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.milvus.MilvusStore;
import io.milvusingest.pipeline.ExtractionStep;
import io.milvusingest.milvus.Reranking;
import io.milvusingest.rerank.NimReranker;
import io.milvusingest.pipeline.IngestPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wired runtime of one configuration, Camel-free: the embedding model, the Milvus connection (an embedded
 * Milvus Lite when {@code milvus.uri} is a local path) and, built on first use, the collection's pipeline, upload
 * stage and group commit. Used by the command line and by the Camel component alike.
 *
 * <p>{@link #start} loads the model and connects in parallel (each takes seconds) and owns both; {@link #on} shares
 * a model and a connection someone else owns. {@link #close()} closes only what this runtime created.
 */
public final class AppRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppRuntime.class);

    private final IngestConfig config;
    private final EmbeddingModel model;
    private final MilvusConnection milvus;
    private final boolean owned;
    private IngestPipeline pipeline;
    private MilvusStore writer;
    private GuardedExtractor extractor;
    private StreamOrBulkWriter uploader;
    private BulkConnection bulk;
    private boolean stageOnly;
    private StagingWriter staging;
    private GroupCommit commit;
    private List<ExtractionStep> steps = List.of();
    private Reranking reranking;

    private AppRuntime(IngestConfig config, EmbeddingModel model, MilvusConnection milvus, boolean owned) {
        this.config = config;
        this.model = model;
        this.milvus = milvus;
        this.owned = owned;
    }

    /** {@link #start(IngestConfig, Path)} with relative paths resolved against the working directory. */
    public static AppRuntime start(IngestConfig config) {
        return start(config, Path.of("").toAbsolutePath());
    }

    /**
     * Loads the model and connects to Milvus, in parallel.
     *
     * @param home the directory a relative {@code milvus.uri} (Milvus Lite data directory) resolves against
     * @throws io.milvusingest.model.IngestException STORE_UNAVAILABLE when Milvus cannot be reached or started
     * @throws IllegalStateException when a remote embedding service fails its start-up probe
     */
    public static AppRuntime start(IngestConfig config, Path home) {
        long t0 = System.nanoTime();
        CompletableFuture<EmbeddingModel> model = CompletableFuture.supplyAsync(() -> EmbeddingModel.load(config));
        MilvusConnection milvus;
        try {
            milvus = MilvusConnection.open(config.milvus(), home);
        } catch (RuntimeException e) {
            model.thenAccept(EmbeddingModel::close);
            throw e;
        }
        EmbeddingModel loaded;
        try {
            loaded = join(model);
        } catch (RuntimeException e) {
            milvus.close();
            throw e;
        }
        LOG.info("ready in {} ms: model {} ({} dims), Milvus at {}", (System.nanoTime() - t0) / 1_000_000,
                loaded.embedder().modelName(), loaded.embedder().dimension(),
                milvus.embedded() ? milvus.uri() + " (embedded Milvus Lite)" : milvus.uri());
        return new AppRuntime(config, loaded, milvus, true);
    }

    /**
     * A runtime on a model and a connection its caller owns and closes (e.g. shared by several Camel endpoints);
     * {@link #close()} closes only the parts this runtime builds.
     */
    public static AppRuntime on(IngestConfig config, EmbeddingModel model, MilvusConnection milvus) {
        return new AppRuntime(config, model, milvus, false);
    }

    /**
     * Creates the collection if needed (dropping it first when milvus.recreate=true) and builds the pipeline.
     *
     * @throws IllegalArgumentException when chunk.size exceeds the model's token limit (the message names the key)
     * @throws IllegalStateException    when the collection exists with another dimension or schema
     */
    public synchronized IngestPipeline pipeline() {
        if (pipeline == null) {
            Embedder embedder = model.embedder();
            TokenChunker chunker = new TokenChunker(model.tokenizer(), embedder, config.chunkSize(), config.chunkOverlap());
            writer = CollectionWriters.open(milvus.client(), config.milvus(), embedder.dimension());
            Ocr ocr = TesseractOcr.detect(config.ocr().enabled(), config.ocr().timeoutSeconds());
            Extractors extractors = new Extractors(config.pdfPasswords(), ExtractionSteps.extractOptions(config), ocr,
                    config.ocr().images(), config.limits().maxImagePixels());
            extractor = new GuardedExtractor(extractors, config.limits());
            steps = ExtractionSteps.of(config);
            BulkImporter importer = bulkImporter();
            uploader = new StreamOrBulkWriter(writer, importer, config.bulk());
            if (stageOnly) {
                if (importer == null) {
                    throw new IllegalStateException("kafka.bulk=true stages import files in Milvus's bucket: it needs"
                            + " a Milvus server with object storage and milvus.stream=false");
                }
                staging = new StagingWriter(importer);
            }
            pipeline = IngestPipeline.builder().extractor(extractor).steps(steps)
                    .chunker(chunker).embedder(embedder).writer(stageOnly ? staging : uploader)
                    .upload(config.upload())
                    .outlineChunking(new OutlineChunking(config.contextPrefix(), config.chunkByHeading())).build();
        }
        return pipeline;
    }

    /**
     * Makes the pipeline stage each document's rows as import files in Milvus's bucket instead of writing them
     * ({@link StagingWriter}); call before the pipeline is first built.
     *
     * @return this runtime
     * @throws IllegalStateException when the pipeline is already built
     */
    public synchronized AppRuntime stageOnly() {
        if (pipeline != null) {
            throw new IllegalStateException("stageOnly() must precede the pipeline's first use");
        }
        stageOnly = true;
        return this;
    }

    /** @return the staging writer when {@link #stageOnly()} was called, else null; builds the pipeline first */
    public StagingWriter staging() {
        pipeline();
        return staging;
    }

    /** @return the bulk importer, or null when bulk import is off (see {@link #uploader()}); builds the pipeline first */
    public BulkImporter importer() {
        pipeline();
        return bulk == null ? null : bulk.importer();
    }

    /** @return the collection's Milvus writer (deletes, flushes); builds the pipeline first */
    public MilvusStore writer() {
        pipeline();
        return writer;
    }

    /**
     * The bulk importer, or null when every job streams (milvus.stream=true, or an embedded Milvus Lite, which
     * has no object storage). Checks at start-up that Milvus's bucket exists.
     *
     * @throws IllegalStateException saying what is wrong with the bucket, endpoint or credentials
     */
    private BulkImporter bulkImporter() {
        if (config.bulk().stream() || config.milvus().embedded() || !config.milvus().routes().isEmpty()) {
            LOG.info("bulk import off: {}", config.bulk().stream() ? "milvus.stream=true" : config.milvus().embedded()
                    ? "Milvus Lite has no bulk import" : "milvus.collections routes rows to several collections");
            return null;
        }
        IngestConfig.MilvusConfig m = config.milvus();
        bulk = BulkConnection.open(milvus.client(), milvus.uri(), m.token(), m.user(), m.password(), config.bulk(),
                m.collection());
        LOG.info("bulk import on for jobs of at least {} rows (milvus.bulk.threshold): {}", config.bulk().threshold(),
                config.bulk());
        return bulk.importer();
    }

    /** @return Milvus's bucket when bulk import is on, else null; builds the pipeline first */
    public ObjectStore bulkStore() {
        pipeline();
        return bulk == null ? null : bulk.store();
    }

    /** @return the upload stage: streams or bulk imports per job; builds the pipeline first */
    public StreamOrBulkWriter uploader() {
        pipeline();
        return uploader;
    }

    /**
     * The group commit of {@link #writer()} (flushes spaced by milvus.commit.min-interval-ms), shared by the drop
     * folder and the bucket sync so their flushes together respect Milvus's per-collection flush rate.
     */
    public synchronized GroupCommit commit() {
        if (commit == null) {
            commit = GroupCommit.of(writer(), config.milvus().commitMinIntervalMs());
            LOG.info("group commit: flushes at least {} ms apart (milvus.commit.min-interval-ms)",
                    config.milvus().commitMinIntervalMs());
        }
        return commit;
    }

    /** @throws IllegalStateException when the collection does not exist */
    public HybridSearcher searcher() {
        synchronized (this) {
            if (pipeline == null) { // an ingesting runtime has already created and loaded the collection
                new CollectionManager(milvus.client()).loadForSearch(config.milvus().collection(),
                        model.embedder().dimension());
            }
        }
        return new HybridSearcher(milvus.client(), config.milvus().collection(), model.embedder(), config.search(),
                reranking());
    }

    /**
     * @return the reranking stage of every search of this runtime ({@link #searcher()}, the HTTP service):
     *     search.rerank=remote's service, or none
     */
    public synchronized Reranking reranking() {
        if (reranking == null) {
            var rerank = config.rerank();
            reranking = rerank == null ? Reranking.NONE : new Reranking(new NimReranker(rerank), rerank.topN());
            if (rerank != null) {
                LOG.info("search reranks the top {} candidates with {}", rerank.topN(), rerank);
            }
        }
        return reranking;
    }

    public MilvusClientV2 client() {
        return milvus.client();
    }

    public Embedder embedder() {
        return model.embedder();
    }

    public IngestConfig config() {
        return config;
    }

    /** @return the loaded model; its start-up failure (e.g. a remote dimension mismatch) unwrapped */
    private static EmbeddingModel join(CompletableFuture<EmbeddingModel> model) {
        try {
            return model.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Loads the configured collection (milvus.collection) if it exists; @return whether it exists */
    public boolean loadExistingCollection() {
        return new CollectionManager(milvus.client()).loadIfExists(config.milvus().collection());
    }

    /** @return the tokenizer of the embedding model (chunk sizes, token counts) */
    public ModelTokenizer tokenizer() {
        return model.tokenizer();
    }

    @Override
    public synchronized void close() {
        if (commit != null) { // before the client: waiters of a flush not yet started fail as STORE_UNAVAILABLE
            commit.close();
        }
        if (extractor != null) {
            extractor.close();
        }
        for (ExtractionStep step : steps) {
            if (step instanceof AutoCloseable closeable) { // the store task's S3 client
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("closing {}: {}", step, e.toString());
                }
            }
        }
        if (bulk != null) {
            bulk.close();
        }
        if (owned) {
            milvus.close();
            model.close();
        }
    }
}
