package io.milvusingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens and passwords, from flags or the environment, never appear in what {@code bin/ingest} prints. */
class SecretsIT {
    private static final String TOKEN = "tok-SECRET-5521";
    private static final String PASSWORD = "pw-SECRET-8830";

    @Test
    void should_not_print_milvus_credentials_when_milvus_is_unreachable(@TempDir Path tmp) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path doc = Files.writeString(tmp.resolve("a.txt"), "some words");
        BinIngest withToken = BinIngest.run(tmp, Map.of("MILVUS_TOKEN", TOKEN), "files", doc.toString(),
                "-p", "milvus.uri=http://127.0.0.1:" + closedPort, "-p", "ingest.report-dir=" + tmp.resolve("r"));
        BinIngest withPassword = BinIngest.run(tmp, Map.of("MILVUS_PASSWORD", PASSWORD), "files", doc.toString(),
                "-p", "milvus.uri=http://127.0.0.1:" + closedPort, "-p", "milvus.user=root",
                "-p", "ingest.report-dir=" + tmp.resolve("r"));

        for (BinIngest run : new BinIngest[] {withToken, withPassword}) {
            assertThat(run.exit()).as("fails: Milvus is unreachable").isNotZero();
            assertThat(run.out() + run.err()).contains("127.0.0.1:" + closedPort)
                    .doesNotContain(TOKEN).doesNotContain(PASSWORD);
        }
    }
}
