package io.milvusingest.cli;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.bulk.BulkConnection;
import io.milvusingest.bulk.BulkImporter;
import io.milvusingest.bulk.ObjectStore;
import io.milvusingest.upload.StreamOrBulkWriter;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.embed.Embedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.extract.Extractors;
import io.milvusingest.extract.GuardedExtractor;
import io.milvusingest.extract.Ocr;
import io.milvusingest.extract.TesseractOcr;
import io.milvusingest.pipeline.ExtractionStep;
import io.milvusingest.pipeline.IngestPipeline;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.DenseIndex;
import io.milvusingest.milvus.GroupCommit;
import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.MilvusWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The wired application: embedding model, Milvus connection (starting an embedded Milvus Lite when
 * {@code milvus.uri} is a local path) and the pipeline stages. Model loading and Milvus start-up run in
 * parallel, since each takes seconds. Closing it stops the embedded server.
 */
final class AppRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppRuntime.class);

    private final IngestConfig config;
    private final MilvusLiteServer lite;
    private final MilvusClientV2 client;
    private final String uri;
    private final Embedder embedder;
    private final ModelTokenizer tokenizer;
    private final AutoCloseable model;
    private IngestPipeline pipeline;
    private MilvusWriter writer;
    private GuardedExtractor extractor;
    private StreamOrBulkWriter uploader;
    private BulkConnection bulk;
    private GroupCommit commit;

    private AppRuntime(IngestConfig config, MilvusLiteServer lite, MilvusClientV2 client, String uri,
                       EmbeddingModel model) {
        this.config = config;
        this.lite = lite;
        this.client = client;
        this.uri = uri;
        this.embedder = model.embedder();
        this.tokenizer = model.tokenizer();
        this.model = model.resources();
    }

    /**
     * Loads the model and connects to Milvus.
     *
     * @throws io.milvusingest.model.IngestException STORE_UNAVAILABLE when Milvus cannot be reached or started
     */
    static AppRuntime start(IngestConfig config) {
        long t0 = System.nanoTime();
        CompletableFuture<EmbeddingModel> model = CompletableFuture.supplyAsync(() -> EmbeddingModel.load(config));
        IngestConfig.MilvusConfig m = config.milvus();
        MilvusLiteServer lite = null;
        String uri = m.uri();
        try {
            if (m.embedded()) {
                lite = MilvusLiteServer.start(m.liteCommand(), CommonOptions.home().resolve(m.uri()).normalize());
                uri = lite.uri();
            }
            MilvusClientV2 client = MilvusConnector.connect(
                    MilvusConnector.Settings.of(uri).withToken(m.token()).withCredentials(m.user(), m.password()));
            EmbeddingModel loaded = join(model);
            LOG.info("ready in {} ms: model {} ({} dims), Milvus at {}", (System.nanoTime() - t0) / 1_000_000,
                    loaded.embedder().modelName(), loaded.embedder().dimension(),
                    m.embedded() ? uri + " (embedded Milvus Lite)" : uri);
            return new AppRuntime(config, lite, client, uri, loaded);
        } catch (RuntimeException e) {
            if (lite != null) {
                lite.close();
            }
            throw e;
        }
    }

    /**
     * Creates the collection if needed (dropping it first when milvus.recreate=true) and builds the pipeline.
     *
     * @throws IllegalArgumentException when chunk.size exceeds the model's token limit (the message names the key)
     * @throws IllegalStateException    when the collection exists with another dimension or schema
     */
    IngestPipeline pipeline() {
        if (pipeline == null) {
            TokenChunker chunker = new TokenChunker(tokenizer, embedder, config.chunkSize(),
                    config.chunkOverlap());
            var outcome = new CollectionManager(client, DenseIndex.of(config.milvus().denseIndex()))
                    .ensureCollection(config.milvus().collection(), embedder.dimension(), config.milvus().recreate());
            LOG.info("collection {}: {}", config.milvus().collection(), outcome.label());
            writer = new MilvusWriter(client, config.milvus().collection(), config.milvus().batchSize());
            Ocr ocr = TesseractOcr.detect(config.ocr().enabled(), config.ocr().timeoutSeconds());
            Extractors extractors = new Extractors(config.pdfPasswords(), ExtractionSteps.extractOptions(config), ocr, config.ocr().images(),
                    config.limits().maxImagePixels());
            extractor = new GuardedExtractor(extractors, config.limits());
            List<ExtractionStep> steps = ExtractionSteps.of(config);
            uploader = new StreamOrBulkWriter(writer, bulkImporter(), config.bulk());
            pipeline = new IngestPipeline(extractor, chunker, embedder, uploader, config.upload(), steps)
                    .withContextPrefix(config.contextPrefix()).withHeadingCuts(config.chunkByHeading());
        }
        return pipeline;
    }

    /** The Milvus bean endpoint ({@code bean:milvusUpload}); call {@link #pipeline()} first. */
    MilvusWriter writer() {
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
        if (config.bulk().stream() || config.milvus().embedded()) {
            LOG.info("bulk import off: {}", config.bulk().stream() ? "milvus.stream=true" : "Milvus Lite has no bulk import");
            return null;
        }
        IngestConfig.MilvusConfig m = config.milvus();
        bulk = BulkConnection.open(client, uri, m.token(), m.user(), m.password(), config.bulk(), m.collection());
        LOG.info("bulk import on for jobs of at least {} rows (milvus.bulk.threshold): {}", config.bulk().threshold(),
                config.bulk());
        return bulk.importer();
    }

    /** @return Milvus's bucket when bulk import is on, else null; call {@link #pipeline()} first */
    ObjectStore bulkStore() {
        return bulk == null ? null : bulk.store();
    }

    /** The Milvus bean endpoint ({@code bean:milvusUpload}): streams or bulk imports per job. */
    StreamOrBulkWriter uploader() {
        pipeline();
        return uploader;
    }

    /**
     * The group commit of {@link #writer()} (flushes spaced by milvus.commit.min-interval-ms), shared by the drop
     * folder and the bucket sync so their flushes together respect Milvus's per-collection flush rate.
     */
    synchronized GroupCommit commit() {
        if (commit == null) {
            commit = GroupCommit.of(writer(), config.milvus().commitMinIntervalMs());
            LOG.info("group commit: flushes at least {} ms apart (milvus.commit.min-interval-ms)",
                    config.milvus().commitMinIntervalMs());
        }
        return commit;
    }

    /** @return the loaded model; its start-up failure (e.g. a remote dimension mismatch) unwrapped */
    private static EmbeddingModel join(CompletableFuture<EmbeddingModel> model) {
        try {
            return model.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** @throws IllegalStateException when the collection does not exist */
    HybridSearcher searcher() {
        if (pipeline == null) { // an ingesting runtime has already created and loaded the collection
            new CollectionManager(client).loadForSearch(config.milvus().collection(), embedder.dimension());
        }
        return new HybridSearcher(client, config.milvus().collection(), embedder, config.search());
    }

    MilvusClientV2 client() {
        return client;
    }

    Embedder embedder() {
        return embedder;
    }

    IngestConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (commit != null) { // before the client: waiters of a flush not yet started fail as STORE_UNAVAILABLE
            commit.close();
        }
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the Milvus client: {}", e.toString());
        }
        try {
            model.close();
        } catch (Exception e) {
            LOG.debug("closing the model: {}", e.toString());
        }
        if (extractor != null) {
            extractor.close();
        }
        if (bulk != null) {
            bulk.close();
        }
        if (lite != null) {
            lite.close();
        }
    }

}
