package io.milvusingest.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/ingest serve} as a user runs it, in its own JVM, on a free port of 127.0.0.1, against a running Milvus
 * ({@code milvus.uri}); closing stops it (SIGTERM, then kill after 30 s).
 */
public final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final String host;
    private final int port;
    private final Path log;

    private ServeProcess(Process process, String host, int port, Path log) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts it and waits (up to 2 min) until its port accepts connections.
     *
     * @param milvusUri  e.g. {@code http://127.0.0.1:19530}
     * @param collection its milvus.collection, which it loads when it exists
     */
    public static ServeProcess start(String milvusUri, String collection, Path workDir)
            throws IOException, InterruptedException {
        return start(workDir, "127.0.0.1", Map.of(), List.of("serve", "-p", "milvus.uri=" + milvusUri,
                "-p", "milvus.stream=true", "-p", "milvus.collection=" + collection));
    }

    /**
     * Starts {@code bin/ingest ARGS -p serve.host=HOST -p serve.port=FREE} and waits (up to 2 min) until its port
     * accepts connections.
     *
     * @param host a loopback address, e.g. 127.0.0.2 to be "beyond" 127.0.0.1 without leaving the machine
     * @param env  added to the process's environment (e.g. the API key)
     */
    public static ServeProcess start(Path workDir, String host, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of("bin/ingest"));
        cmd.addAll(args);
        cmd.addAll(List.of("-p", "serve.host=" + host, "-p", "serve.port=" + port));
        Path log = Files.createTempFile(workDir, "serve", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        ServeProcess serve = new ServeProcess(p, host, port, log);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!serve.accepts()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                serve.close();
                throw new IllegalStateException("bin/ingest serve did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return serve;
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return e.g. {@code http://127.0.0.1:41234} */
    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    /** @return what it printed so far */
    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
