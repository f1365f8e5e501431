package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.model.EmbeddedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MilvusLiteExtension.class)
class MilvusLiteServerIT {

    @Test
    void startsAnswersAndStops(@TempDir Path dir) throws IOException {
        MilvusLiteExtension.requireExecutable();
        MilvusLiteServer server = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, dir);
        try (server) {
            assertThat(server.uri()).startsWith("http://127.0.0.1:");
            MilvusClientV2 client = MilvusConnector.connect(server.uri());
            assertThat(client.getServerVersion()).contains("milvus_lite");
            client.close();
            assertThat(server.process().isAlive()).isTrue();
            assertThat(Files.readString(dir.resolve("milvus-lite.pid")).strip())
                    .isEqualTo(Long.toString(server.process().pid()));
            assertThat(dir.resolve("milvus-lite.log")).exists();
        }
        assertThat(server.process().isAlive()).isFalse();
        assertThat(ServerProbe.acceptsTcp("127.0.0.1", Integer.parseInt(server.uri().replaceAll(".*:", ""))))
                .isFalse();
        assertThat(dir.resolve("milvus-lite.pid")).doesNotExist();
        server.close(); // idempotent
    }

    @Test
    void missingExecutableSaysToRunSetup(@TempDir Path dir) {
        assertThatThrownBy(() -> MilvusLiteServer.start(dir.resolve("no/such/milvus-lite"), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Milvus Lite executable not found")
                .hasMessageContaining("run bin/setup-python");
    }

    @Test
    void secondServerOnTheSameDataDirFailsClearly(MilvusLiteServer shared) {
        assertThatThrownBy(() -> MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, shared.dataDir()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by another Milvus Lite server (pid " + shared.process().pid() + ")")
                .hasMessageContaining("two servers cannot share a data dir");
        assertThat(shared.process().isAlive()).isTrue();
        assertThat(MilvusConnector.connect(shared.uri()).getServerVersion()).contains("milvus_lite");
    }

    @Test
    void rowsSurviveAKilledServer(@TempDir Path dir) {
        MilvusLiteExtension.requireExecutable();
        HashingTestEmbedder embedder = new HashingTestEmbedder(16);
        EmbeddedDocument doc = TestDocs.doc("/d/durable.txt", embedder, "first durable chunk", "second chunk");
        try (MilvusLiteServer server = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, dir)) {
            MilvusClientV2 client = MilvusConnector.connect(server.uri());
            new CollectionManager(client).ensureCollection("durable", 16, false);
            new MilvusWriter(client, "durable").write(doc); // no flush: only the write-ahead log has it
            client.close();
        } // SIGTERM
        try (MilvusLiteServer server = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, dir)) {
            MilvusClientV2 client = MilvusConnector.connect(server.uri());
            // a restarted Milvus Lite has the collection released; ensureCollection loads it again
            assertThat(new CollectionManager(client).ensureCollection("durable", 16, false))
                    .isEqualTo(CollectionManager.Outcome.EXISTED);
            assertThat(new MilvusWriter(client, "durable").count(null)).isEqualTo(2);
            List<SearchHit> hits = new HybridSearcher(client, "durable", embedder)
                    .search("durable", 1, SearchMode.SPARSE, null);
            assertThat(hits).extracting(SearchHit::text).containsExactly("first durable chunk");
            client.close();
        }
    }
}
