package io.milvusingest.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.milvus.MilvusWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camel run routes/drop-folder.camel.yaml} as a Camel user types it (camel-jbang's {@link CamelJBangMain},
 * in this JVM, with the component on the class path): a dropped file is ingested and moves to {@code .done/}.
 * The route's beans (failureRecorder, milvusCommit) come from the component; the settings from {@code --prop}.
 */
@ExtendWith(MilvusLiteExtension.class)
class CamelRunIT {
    private static final Duration WAIT = Duration.ofSeconds(180);

    @Test
    void should_ingest_a_dropped_file_with_camel_run_on_our_drop_folder_yaml(MilvusLiteServer server,
                                                                           @TempDir Path tmp) throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.writeString(inbox.resolve("otters.txt"), "Sea otters hold hands while they sleep.");
        String collection = MilvusLiteExtension.collectionName("camel_run");
        List<String> args = new ArrayList<>(List.of("run", "routes/drop-folder.camel.yaml",
                "--max-messages=1", "--max-seconds=" + WAIT.toSeconds(),
                "--port=" + freePort(), "--management-port=" + freePort()));
        for (String p : List.of("ingest.inbox=" + inbox, "ingest.poll-delay-ms=200", "ingest.workers=1",
                "ingest.retry.max-redeliveries=0", "ingest.retry.initial-delay-ms=100", "ingest.retry.max-delay-ms=100",
                "ingest.listing-depth=12",
                "milvus.collection=" + collection,
                "camel.component.milvus-ingest.milvusUri=" + server.uri(),
                "camel.component.milvus-ingest.stream=true")) {
            args.add("--prop=" + p);
        }
        AtomicInteger exit = new AtomicInteger(-1);
        CamelJBangMain main = new CamelJBangMain() {
            @Override
            public void quit(int code) { // camel run ends with System.exit; here the test goes on
                exit.set(code);
            }
        };
        Thread camel = new Thread(() -> CamelJBangMain.run(main, args.toArray(String[]::new)), "camel-run");
        camel.start();
        camel.join(WAIT.toMillis() + 30_000);

        assertThat(exit.get()).as("camel run exit code").isZero();
        assertThat(inbox.resolve(".done/otters.txt")).exists();
        assertThat(inbox.resolve(".failed")).doesNotExist();
        MilvusClientV2 client = MilvusConnector.connect(server.uri());
        try {
            assertThat(new MilvusWriter(client, collection).count("source[\"source_name\"] like \"%/otters.txt\"")).isPositive();
        } finally {
            client.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
