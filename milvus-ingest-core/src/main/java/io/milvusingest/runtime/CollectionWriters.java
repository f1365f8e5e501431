package io.milvusingest.runtime;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.DenseIndex;
import io.milvusingest.milvus.MilvusStore;
import io.milvusingest.milvus.MilvusWriter;
import io.milvusingest.milvus.RoutedWriter;
import io.milvusingest.model.ContentType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of an ingesting app: {@code milvus.collection}'s, routed by content type when
 * {@code milvus.collections} is set ({@link RoutedWriter}). Every collection reached is created or checked
 * (and dropped first when {@code milvus.recreate=true}) and loaded; collections NeMo Retriever made are adopted.
 */
final class CollectionWriters {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionWriters.class);

    private CollectionWriters() {
    }

    /**
     * @throws IllegalStateException when a collection exists with another dimension or without our fields
     */
    static MilvusStore open(MilvusClientV2 client, IngestConfig.MilvusConfig m, int dimension) {
        CollectionManager collections = new CollectionManager(client, DenseIndex.of(m.denseIndex()));
        Map<String, MilvusWriter> byName = new LinkedHashMap<>();
        MilvusWriter fallback = writer(collections, client, m, m.collection(), dimension, byName);
        Map<ContentType, MilvusWriter> byType = new EnumMap<>(ContentType.class);
        m.routes().forEach((type, name) -> byType.put(type, writer(collections, client, m, name, dimension, byName)));
        if (!byType.isEmpty()) {
            LOG.info("rows routed by content type (milvus.collections): {}; other types to {}", m.routes(),
                    m.collection());
        }
        return RoutedWriter.of(fallback, byType);
    }

    private static MilvusWriter writer(CollectionManager collections, MilvusClientV2 client, IngestConfig.MilvusConfig m,
                                       String name, int dimension, Map<String, MilvusWriter> byName) {
        return byName.computeIfAbsent(name, n -> {
            var outcome = collections.ensureCollection(n, dimension, m.recreate());
            LOG.info("collection {}: {}", n, outcome.label());
            return new MilvusWriter(client, n, m.batchSize(), collections.generatesKeys(n));
        });
    }
}
