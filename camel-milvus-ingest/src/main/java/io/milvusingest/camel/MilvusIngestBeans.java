package io.milvusingest.camel;

import io.milvusingest.camel.dropfolder.DropFolderBeans;
import io.milvusingest.camel.dropfolder.FailureRecorder;
import io.milvusingest.camel.dropfolder.InboxArchive;
import io.milvusingest.camel.dropfolder.InboxFilter;
import io.milvusingest.camel.dropfolder.InboxGuard;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.pipeline.ProgressListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the beans a file route around a {@code milvus-ingest} endpoint uses into every CamelContext that has this
 * component on its class path (Camel loads {@link ContextServicePlugin}s with the {@link java.util.ServiceLoader}
 * while it builds the context), so YAML routes run by {@code camel run}, such as milvus-ingest's own
 * {@code routes/drop-folder.camel.yaml}, find them: {@value MilvusCommit#BEAN}, and the drop folder's
 * {@code inboxArchive}, {@code inboxFilter}, {@code inboxGuard} and {@value FailureRecorder#BEAN}. The drop-folder
 * beans are built on first use from the context's properties {@code ingest.inbox}, {@code ingest.max-depth} and
 * {@code ingest.follow-symlinks} (defaults as in the application). A bean the application bound under the same
 * name is left as it is.
 */
public final class MilvusIngestBeans implements ContextServicePlugin {
    private static final Logger LOG = LoggerFactory.getLogger(MilvusIngestBeans.class);
    private static final List<String> DROP_FOLDER_KEYS = List.of("ingest.inbox", "ingest.max-depth",
            "ingest.follow-symlinks");

    @Override
    public void load(CamelContext camel) {
        if (camel.getRegistry().lookupByName(MilvusCommit.BEAN) == null) {
            camel.getRegistry().bind(MilvusCommit.BEAN, new MilvusCommit());
        }
        DropFolder lazy = new DropFolder(camel);
        Map<String, Class<?>> beans = Map.of(InboxArchive.BEAN, InboxArchive.class, FailureRecorder.BEAN,
                FailureRecorder.class, InboxFilter.BEAN, InboxFilter.class, InboxGuard.BEAN, InboxGuard.class);
        beans.forEach((name, type) -> {
            if (camel.getRegistry().lookupByName(name) == null) {
                camel.getRegistry().bind(name, type, () -> lazy.beans().get(name));
            }
        });
    }

    /** The drop folder's beans, built together (they share the archive) when a route first looks one up. */
    private static final class DropFolder {
        private final CamelContext camel;
        private Map<String, Object> beans;

        DropFolder(CamelContext camel) {
            this.camel = camel;
        }

        synchronized Map<String, Object> beans() {
            if (beans == null) {
                Map<String, String> keys = new HashMap<>();
                for (String key : DROP_FOLDER_KEYS) {
                    camel.getPropertiesComponent().resolveProperty(key).ifPresent(v -> keys.put(key, v));
                }
                IngestConfig c = IngestConfig.from(ConfigSource.of(keys), Path.of("").toAbsolutePath());
                beans = DropFolderBeans.of(c.inbox(), c.dropFolder(), new ComponentListener(camel));
            }
            return beans;
        }
    }

    /** Tells the component's progress listener, when it has one; logs otherwise. */
    private record ComponentListener(CamelContext camel) implements ProgressListener {
        @Override
        public void succeeded(DocumentResult result) {
            ProgressListener l = listener();
            if (l != null) {
                l.succeeded(result);
            }
        }

        @Override
        public void failed(String name, Throwable error) {
            ProgressListener l = listener();
            if (l != null) {
                l.failed(name, error);
            } else {
                LOG.warn("{} failed: {}", name, error == null ? "unknown error" : error.toString());
            }
        }

        private ProgressListener listener() {
            return camel.getComponent(MilvusIngestComponent.SCHEME, MilvusIngestComponent.class).getProgressListener();
        }
    }
}
