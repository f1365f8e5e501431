package io.milvusingest.milvus;

import io.milvusingest.model.Chunk;
import io.milvusingest.embed.Embedder;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.SourceDocument;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link EmbeddedDocument}s for tests: one TEXT chunk per text, page i+1, embedded by the test embedder. */
final class TestDocs {
    static final Instant MODIFIED = Instant.parse("2025-01-31T12:00:00Z");

    private TestDocs() {
    }

    static SourceDocument source(String sourceId) {
        String name = sourceId.substring(sourceId.lastIndexOf('/') + 1);
        return new SourceDocument(Path.of("/tmp/unused"), sourceId, name, 1234, MODIFIED);
    }

    static EmbeddedDocument doc(String sourceId, Embedder embedder, String... texts) {
        return doc(source(sourceId), ContentType.TEXT, embedder, texts);
    }

    static EmbeddedDocument doc(SourceDocument source, ContentType type, Embedder embedder, String... texts) {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            chunks.add(new Chunk(texts[i], type, i + 1, i, texts[i].split("\\s+").length));
        }
        return new EmbeddedDocument(source, texts.length, chunks, embedder.embedPassages(List.of(texts)));
    }
}
