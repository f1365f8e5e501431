package io.milvusingest.cli;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.bulk.BulkConnection;
import io.milvusingest.bulk.BulkImporter;
import io.milvusingest.bulk.StreamOrBulkWriter;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.Embedder;
import io.milvusingest.extract.Extractors;
import io.milvusingest.ingest.IngestPipeline;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.DenseIndex;
import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.MilvusWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final BgeSmallEmbedder embedder;
    private IngestPipeline pipeline;
    private MilvusWriter writer;
    private StreamOrBulkWriter uploader;
    private BulkConnection bulk;

    private AppRuntime(IngestConfig config, MilvusLiteServer lite, MilvusClientV2 client, String uri,
                       BgeSmallEmbedder embedder) {
        this.config = config;
        this.lite = lite;
        this.client = client;
        this.uri = uri;
        this.embedder = embedder;
    }

    /**
     * Loads the model and connects to Milvus.
     *
     * @throws io.milvusingest.ingest.IngestException STORE_UNAVAILABLE when Milvus cannot be reached or started
     */
    static AppRuntime start(IngestConfig config) {
        long t0 = System.nanoTime();
        CompletableFuture<BgeSmallEmbedder> model = CompletableFuture.supplyAsync(
                () -> new BgeSmallEmbedder(new BgeSmallEmbedder.Options(config.embedBatchSize(), config.embedThreads())));
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
            BgeSmallEmbedder embedder = model.join();
            LOG.info("ready in {} ms: model {} ({} dims), Milvus at {}", (System.nanoTime() - t0) / 1_000_000,
                    embedder.modelName(), embedder.dimension(), m.embedded() ? uri + " (embedded Milvus Lite)" : uri);
            return new AppRuntime(config, lite, client, uri, embedder);
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
            TokenChunker chunker = new TokenChunker(embedder.tokenizer(), embedder, config.chunkSize(),
                    config.chunkOverlap());
            var outcome = new CollectionManager(client, DenseIndex.of(config.milvus().denseIndex()))
                    .ensureCollection(config.milvus().collection(), embedder.dimension(), config.milvus().recreate());
            LOG.info("collection {}: {}", config.milvus().collection(), outcome.label());
            writer = new MilvusWriter(client, config.milvus().collection(), config.milvus().batchSize());
            uploader = new StreamOrBulkWriter(writer, bulkImporter(), config.bulk());
            pipeline = new IngestPipeline(new Extractors(config.pdfPasswords()), chunker, embedder, uploader);
        }
        return pipeline;
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

    /** The stream writer (flush, counts); call {@link #pipeline()} first. */
    MilvusWriter writer() {
        pipeline();
        return writer;
    }

    /** The Milvus bean endpoint ({@code bean:milvusUpload}): streams or bulk imports per job. */
    StreamOrBulkWriter uploader() {
        pipeline();
        return uploader;
    }

    /** @throws IllegalStateException when the collection does not exist */
    HybridSearcher searcher() {
        if (pipeline == null) { // an ingesting runtime has already created and loaded the collection
            new CollectionManager(client).loadForSearch(config.milvus().collection(), embedder.dimension());
        }
        return new HybridSearcher(client, config.milvus().collection(), embedder);
    }

    Embedder embedder() {
        return embedder;
    }

    IngestConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the Milvus client: {}", e.toString());
        }
        if (bulk != null) {
            bulk.close();
        }
        embedder.close();
        if (lite != null) {
            lite.close();
        }
    }

}
