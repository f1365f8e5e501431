package io.milvusingest.milvus;

import io.milvusingest.model.ContentType;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.UploadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows routed by content type ({@code milvus.collections}, NeMo Retriever's dict-valued {@code collection_name}):
 * each document's chunks go to their type's collection, types not routed to the fallback's. Every operation
 * reaches every collection: a re-ingested source is replaced in each one (a collection its new version no longer
 * reaches loses its rows there), deletes, flushes and commits cover them all, and {@link #count} sums them. Chunk
 * indexes ({@code custom_content.chunk_index}) count per collection. Thread-safe as its {@link MilvusWriter}s are;
 * a document's parts are written one collection after the other, so a failure can leave some collections written:
 * writing the document again completes it.
 */
public final class RoutedWriter implements MilvusStore {
    /** Every collection's writer, the fallback first, and the writer of each routed content type. */
    private final List<MilvusWriter> targets;
    private final Map<ContentType, MilvusWriter> byType;

    private RoutedWriter(MilvusWriter fallback, Map<ContentType, MilvusWriter> byType) {
        this.byType = Map.copyOf(byType);
        List<MilvusWriter> all = new ArrayList<>(List.of(fallback));
        byType.values().stream().filter(w -> !all.contains(w)).forEach(all::add);
        this.targets = List.copyOf(all);
    }

    /**
     * @param fallback the writer of types not routed ({@code milvus.collection})
     * @param byType   one writer per routed collection (the same writer for types sharing a collection)
     * @return {@code fallback} itself when nothing is routed, else a writer over all their collections
     */
    public static MilvusStore of(MilvusWriter fallback, Map<ContentType, MilvusWriter> byType) {
        return byType.isEmpty() ? fallback : new RoutedWriter(fallback, byType);
    }

    /**
     * Writes each collection's part of the document ({@link MilvusWriter#write}); a collection that gets no chunk
     * loses the source's earlier rows.
     *
     * @return the rows written and deleted in all collections, and the time of the whole write
     * @throws IngestException as {@link MilvusWriter#write}
     */
    @Override
    public UploadResult write(EmbeddedDocument doc) {
        long start = System.nanoTime();
        int written = 0;
        int deleted = 0;
        for (var part : CollectionRouting.split(doc, targets, byType, targets.get(0)).entrySet()) {
            if (part.getValue().chunks().isEmpty()) {
                deleted += part.getKey().deleteSource(doc.source().sourceId());
            } else {
                UploadResult r = part.getKey().write(part.getValue());
                written += r.rowsUpserted();
                deleted += r.rowsDeleted();
            }
        }
        return new UploadResult(written, deleted, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public int deleteSource(String sourceId) {
        return targets.stream().mapToInt(t -> t.deleteSource(sourceId)).sum();
    }

    @Override
    public long deleteSources(List<String> sourceIds) {
        return targets.stream().mapToLong(t -> t.deleteSources(sourceIds)).sum();
    }

    /** @return the matching rows of all collections, each read at Strong consistency */
    @Override
    public long count(String filter) {
        return targets.stream().mapToLong(t -> t.count(filter)).sum();
    }

    @Override
    public void flush() {
        targets.forEach(MilvusWriter::flush);
    }

    @Override
    public void commit() {
        targets.forEach(MilvusWriter::commit);
    }
}
