package io.milvusingest.serve;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.embed.Embedder;
import io.milvusingest.milvus.CollectionManager;
import io.milvusingest.milvus.HybridSearcher;
import io.milvusingest.milvus.Reranking;
import io.milvusingest.milvus.SearchOptions;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The collections the HTTP service may read: the configured one ({@code milvus.collection}, the default) and those
 * {@code milvus.collections} routes rows to; no other. Holds the one Milvus client and embedding model of the
 * process and one {@link HybridSearcher} per collection, loaded for search on first use. Thread-safe.
 */
public final class Collections {
    private final MilvusClientV2 client;
    private final Embedder embedder;
    private final String defaultName;
    private final Set<String> names;
    private final SearchOptions options;
    private final Reranking reranking;
    private final Map<String, HybridSearcher> searchers = new ConcurrentHashMap<>();

    /**
     * @param options   fusion and query embedding, as {@code bin/ingest search} uses them ({@code search.*})
     * @param reranking the reranker of every search ({@code search.rerank}), as {@code bin/ingest search} uses it
     */
    public Collections(MilvusClientV2 client, Embedder embedder, SearchOptions options, Reranking reranking,
                       String defaultName, Iterable<String> routed) {
        this.client = client;
        this.embedder = embedder;
        this.options = options;
        this.reranking = reranking;
        this.defaultName = defaultName;
        Set<String> all = new LinkedHashSet<>();
        all.add(defaultName);
        routed.forEach(all::add);
        this.names = Set.copyOf(all);
    }

    /**
     * @param requested a collection name from a request, or null for the default
     * @return the name, when it is one this service reads
     * @throws ApiError 400 (param {@code collection}) otherwise
     */
    public String resolve(String requested) {
        String name = requested == null || requested.isBlank() ? defaultName : requested.strip();
        if (!names.contains(name)) {
            throw ApiError.invalid("collection", "collection '" + name + "' is not served here; served: " + names);
        }
        return name;
    }

    /** @throws IllegalStateException when the collection does not exist (yet) */
    public HybridSearcher searcher(String collection) {
        return searchers.computeIfAbsent(collection, c -> {
            new CollectionManager(client).loadForSearch(c, embedder.dimension());
            return new HybridSearcher(client, c, embedder, options, reranking);
        });
    }

    /** @return whether the collection exists in Milvus */
    public boolean exists(String collection) {
        return client.hasCollection(io.milvus.v2.service.collection.request.HasCollectionReq.builder()
                .collectionName(collection).build());
    }

    public MilvusClientV2 client() {
        return client;
    }
}
