package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.v2.client.MilvusClientV2;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GroupCommit} over a real {@link MilvusWriter#flush()} against the test run's Milvus Lite. */
@ExtendWith(MilvusLiteExtension.class)
class GroupCommitLiteIT {

    @Test
    void should_commit_writes_of_many_documents_with_real_flushes_and_report_flush_latency(MilvusLiteServer server)
            throws Exception {
        HashingTestEmbedder embedder = new HashingTestEmbedder(32);
        String collection = MilvusLiteExtension.collectionName("group_commit_lite");
        MilvusClientV2 client = MilvusConnector.connect(server.uri());
        try {
            new CollectionManager(client).ensureCollection(collection, 32, false);
            MilvusWriter writer = new MilvusWriter(client, collection);
            List<Long> flushMs = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (GroupCommit commit = new GroupCommit(() -> {
                long t0 = System.nanoTime();
                writer.flush();
                flushMs.add((System.nanoTime() - t0) / 1_000_000);
            }, 0)) {
                List<CompletableFuture<Void>> waiters = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    writer.write(TestDocs.doc("/d/gc-" + i + ".txt", embedder, "alpha " + i, "beta " + i, "gamma " + i));
                    waiters.add(commit.commitAsync());
                }
                CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                assertThat(commit.flushes()).isBetween(1L, 10L);
                for (int i = 0; i < 10; i++) {
                    assertThat(writer.count(Filters.sourceIdEquals("/d/gc-" + i + ".txt"))).isEqualTo(3);
                }
                System.out.println("GroupCommitLiteIT: 10 documents, " + commit.flushes()
                        + " flushes; Milvus Lite flush latency (ms): " + flushMs);
            }
        } finally {
            client.close();
        }
    }
}
