package io.milvusingest.milvus;

import io.milvusingest.model.Chunk;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.EmbeddedDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a document's chunks by the collection their content type routes to ({@code milvus.collections}). Each
 * part is a document of its own, chunk indexes renumbered 0..n-1 (so keys and stale-row deletion work per
 * collection); a collection that gets no chunk gets an empty part, so the source's earlier rows there are removed.
 */
final class CollectionRouting {

    private CollectionRouting() {
    }

    /**
     * @param targets  every collection's writer, the fallback among them
     * @param byType   the writer of each routed content type
     * @param fallback the writer of types not routed ({@code milvus.collection})
     * @return one part per target, in the order of {@code targets}
     */
    static Map<MilvusWriter, EmbeddedDocument> split(EmbeddedDocument doc, List<MilvusWriter> targets,
                                                     Map<ContentType, MilvusWriter> byType, MilvusWriter fallback) {
        Map<MilvusWriter, List<Integer>> positions = new LinkedHashMap<>();
        targets.forEach(t -> positions.put(t, new ArrayList<>()));
        for (int i = 0; i < doc.chunks().size(); i++) {
            positions.get(byType.getOrDefault(doc.chunks().get(i).type(), fallback)).add(i);
        }
        Map<MilvusWriter, EmbeddedDocument> parts = new LinkedHashMap<>();
        positions.forEach((target, picked) -> {
            List<Chunk> chunks = new ArrayList<>(picked.size());
            List<float[]> vectors = new ArrayList<>(picked.size());
            for (int i : picked) {
                Chunk c = doc.chunks().get(i);
                chunks.add(new Chunk(c.text(), c.type(), c.pageNumber(), chunks.size(), c.tokenCount(), c.element(),
                        c.tokenIds(), c.context(), c.headingPath()));
                vectors.add(doc.vectors().get(i));
            }
            parts.put(target, new EmbeddedDocument(doc.source(), doc.pages(), chunks, vectors));
        });
        return parts;
    }
}
