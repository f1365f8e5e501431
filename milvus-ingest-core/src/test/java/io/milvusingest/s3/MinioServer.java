package io.milvusingest.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real MinIO server (the binary {@code bin/setup-minio} builds from source) on free loopback ports with a
 * temp data directory and random root credentials; {@link #close()} stops it and deletes the data.
 */
public final class MinioServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path home;
    private final String endpoint;
    private final String accessKey;
    private final String secretKey;

    private MinioServer(Process process, Path home, String endpoint, String accessKey, String secretKey) {
        this.process = process;
        this.home = home;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts the binary {@link MinioExtension} finds ({@code -Dminio.executable}, else {@code bin/setup-minio}). */
    public static MinioServer start() throws IOException, InterruptedException {
        return start(MinioExtension.executable());
    }

    /**
     * @param executable the minio binary
     * @throws IllegalStateException when it does not answer its health check within 60 s (its log is quoted)
     */
    public static MinioServer start(Path executable) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("minio-it-");
        int port = freePort();
        String endpoint = "http://127.0.0.1:" + port;
        String user = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "server", home.resolve("data").toString(),
                "--address", "127.0.0.1:" + port, "--console-address", "127.0.0.1:" + freePort(), "--quiet")
                .redirectErrorStream(true).redirectOutput(home.resolve("minio.log").toFile());
        pb.environment().put("MINIO_ROOT_USER", user);
        pb.environment().put("MINIO_ROOT_PASSWORD", password);
        pb.environment().put("MINIO_BROWSER", "off");
        Process process = pb.start();
        MinioServer server = new MinioServer(process, home, endpoint, user, password);
        try {
            server.awaitLive();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** @return e.g. {@code http://127.0.0.1:39123} */
    public String endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** @return a new path-style S3 client for this server; the caller closes it */
    public S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    private void awaitLive() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest live = HttpRequest.newBuilder(URI.create(endpoint + "/minio/health/live"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("minio exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("minio not live after " + START_TIMEOUT.toSeconds() + " s: " + log());
    }

    private String log() {
        try {
            return Files.readString(home.resolve("minio.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + home, e);
        }
    }
}
