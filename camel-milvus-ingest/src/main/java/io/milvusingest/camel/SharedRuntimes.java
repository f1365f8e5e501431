package io.milvusingest.camel;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.embed.Embedder;
import io.milvusingest.embed.ParallelEmbedder;
import io.milvusingest.embed.RemoteEmbedderOptions;
import io.milvusingest.pipeline.IngestPipeline;
import io.milvusingest.runtime.AppRuntime;
import io.milvusingest.runtime.EmbeddingModel;
import io.milvusingest.runtime.MilvusConnection;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;

/**
 * What the endpoints of one component (so one CamelContext) share, reference counted and keyed by the settings
 * that make them: a loaded model per embedder setting (with its Camel-managed {@code embed} thread pool), a Milvus
 * connection per server setting, and an {@link AppRuntime} (collection, pipeline, writer, group commit) per whole
 * configuration. The last endpoint to let go of a resource closes it; beans given by the user (client, embedder)
 * and an application's own runtime are never closed here.
 */
final class SharedRuntimes {
    /** An endpoint's view: the runtime and its pipeline, whose embed stage runs on the shared pool. */
    record Lease(Object key, AppRuntime runtime, IngestPipeline pipeline) {
    }

    private record ModelKey(RemoteEmbedderOptions remote, int batchSize, int threads, int parallelism, Embedder bean) {
    }

    private record MilvusKey(String uri, String token, String user, String password, Path liteCommand,
                             MilvusClientV2 bean) {
    }

    private record RuntimeKey(IngestConfig config, Embedder embedder, MilvusClientV2 client) {
    }

    private record Model(EmbeddingModel model, ParallelEmbedder parallel, ExecutorService pool) {
    }

    private static final class Counted {
        final Object value;
        final AutoCloseable closer;
        int count;

        Counted(Object value, AutoCloseable closer) {
            this.value = value;
            this.closer = closer;
        }
    }

    private final CamelContext camel;
    private final Object poolSource;
    private final Path home;
    private final Map<Object, Counted> counted = new HashMap<>();
    private Lease application;

    SharedRuntimes(CamelContext camel, Object poolSource, Path home) {
        this.camel = camel;
        this.poolSource = poolSource;
        this.home = home;
    }

    /** @return the lease of an application's own runtime (not closed here), its embed stage on a Camel pool */
    synchronized Lease application(AppRuntime runtime) {
        if (application == null || application.runtime() != runtime) {
            IngestConfig c = runtime.config();
            ParallelEmbedder parallel = parallel(runtime.embedder(), c.pipelining().embedParallelism());
            application = new Lease(runtime, runtime,
                    runtime.pipeline().toBuilder().embedder(parallel).build());
        }
        return application;
    }

    /** @return the shared runtime of this configuration, built (model loaded, Milvus connected) on first use */
    synchronized Lease acquire(IngestConfig config, Embedder embedderBean, MilvusClientV2 clientBean) {
        RuntimeKey key = new RuntimeKey(config, embedderBean, clientBean);
        return (Lease) acquire(key, () -> {
            ModelKey mk = new ModelKey(embedderBean == null ? config.remoteEmbedder() : null, config.embedBatchSize(),
                    config.embedThreads(), config.pipelining().embedParallelism(), embedderBean);
            IngestConfig.MilvusConfig m = config.milvus();
            MilvusKey ck = new MilvusKey(m.uri(), m.token(), m.user(), m.password(), m.liteCommand(), clientBean);
            Model model = (Model) acquire(mk, () -> model(config, embedderBean));
            MilvusConnection milvus;
            try {
                milvus = (MilvusConnection) acquire(ck, () -> {
                    MilvusConnection c = clientBean != null ? MilvusConnection.of(clientBean, m.uri())
                            : MilvusConnection.open(m, home);
                    return new Counted(c, c);
                });
            } catch (RuntimeException e) {
                release(mk);
                throw e;
            }
            AppRuntime runtime = AppRuntime.on(config,
                    new EmbeddingModel(model.parallel(), model.model().tokenizer(), () -> { }), milvus);
            try {
                Lease lease = new Lease(key, runtime, runtime.pipeline());
                return new Counted(lease, () -> {
                    runtime.close();
                    release(ck);
                    release(mk);
                });
            } catch (RuntimeException e) {
                runtime.close();
                release(ck);
                release(mk);
                throw e;
            }
        });
    }

    /** Lets go of a lease; the last one closes the runtime and, if no other runtime uses them, model and client. */
    synchronized void release(Lease lease) {
        if (lease != application) {
            release(lease.key());
        }
    }

    private Object acquire(Object key, Supplier<Counted> create) {
        Counted c = counted.get(key);
        if (c == null) {
            c = create.get();
            counted.put(key, c);
        }
        c.count++;
        return c.value;
    }

    private void release(Object key) {
        Counted c = counted.get(key);
        if (c != null && --c.count == 0) {
            counted.remove(key);
            try {
                c.closer.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(SharedRuntimes.class).warn("closing {}: {}", key, e.toString());
            }
        }
    }

    private Counted model(IngestConfig config, Embedder bean) {
        EmbeddingModel model = bean != null ? EmbeddingModel.of(bean) : EmbeddingModel.load(config);
        ExecutorService pool = camel.getExecutorServiceManager()
                .newFixedThreadPool(poolSource, "embed", config.pipelining().embedParallelism());
        Model m = new Model(model, new ParallelEmbedder(model.embedder(), pool, model.embedder().batchSize()), pool);
        return new Counted(m, () -> {
            camel.getExecutorServiceManager().shutdown(pool);
            model.close();
        });
    }

    private ParallelEmbedder parallel(Embedder embedder, int threads) {
        ExecutorService pool = camel.getExecutorServiceManager().newFixedThreadPool(poolSource, "embed", threads);
        return new ParallelEmbedder(embedder, pool, embedder.batchSize());
    }

    /** @return how many models are loaded now (for tests and the health of a shared context) */
    synchronized long loadedModels() {
        return counted.values().stream().filter(c -> c.value instanceof Model).count();
    }
}
