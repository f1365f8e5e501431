package io.milvusingest.s3;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real MinIO server (binary from {@code bin/setup-minio}) on a free 127.0.0.1 port with a temp data dir.
 * Ready in ~0.5 s. {@link #close()} stops it and deletes the data.
 */
public final class MinioServer implements AutoCloseable {
    public static final String ACCESS_KEY = "minioadmin";
    public static final String SECRET_KEY = "minioadmin-secret";

    private final Process process;
    private final int port;
    private final Path dataDir;

    private MinioServer(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** @throws IllegalStateException when MinIO cannot be built or does not become ready within 30 s */
    public static MinioServer start() throws IOException, InterruptedException {
        Process setup = new ProcessBuilder("bin/setup-minio").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String binary = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (setup.waitFor() != 0 || binary.isEmpty()) {
            throw new IllegalStateException("bin/setup-minio failed (exit " + setup.exitValue() + ")");
        }
        Path data = Files.createTempDirectory("minio-it-");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(binary, "server", "--quiet", "--address", "127.0.0.1:" + port,
                "--console-address", "127.0.0.1:" + freePort(), data.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("minio.log").toFile());
        pb.environment().putAll(java.util.Map.of("MINIO_ROOT_USER", ACCESS_KEY, "MINIO_ROOT_PASSWORD", SECRET_KEY,
                "MINIO_BROWSER", "off", "MINIO_UPDATE", "off", "CI", "true"));
        MinioServer server = new MinioServer(pb.start(), port, data);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!server.ready()) {
            if (System.nanoTime() > deadline || !server.process.isAlive()) {
                server.close();
                throw new IllegalStateException("MinIO did not become ready; see " + data.resolve("minio.log"));
            }
            Thread.sleep(100);
        }
        return server;
    }

    /** @return e.g. {@code http://127.0.0.1:39373} */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/minio/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        io.milvusingest.milvus.MilvusLiteExtension.deleteTree(dataDir);
    }
}
