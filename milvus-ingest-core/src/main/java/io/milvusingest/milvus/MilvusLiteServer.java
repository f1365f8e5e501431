package io.milvusingest.milvus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Milvus Lite ({@code milvus-lite server}, a Milvus-protocol gRPC server in Python) run as a child process
 * on a free loopback port.
 *
 * <p>Output goes to {@code <dataDir>/milvus-lite.log} (appended). {@link #close()} stops the process
 * (SIGTERM, then SIGKILL after 10 s); a JVM shutdown hook does the same, so the server never outlives a
 * normally ending JVM (a SIGKILLed JVM does leave it running). SIGTERM skips Milvus Lite's own close, which
 * is safe: every acknowledged write is already in its write-ahead log and is replayed at the next start.
 *
 * <p>Data dir lock: Milvus Lite holds an exclusive {@code flock} on {@code <dataDir>/LOCK} while running. A
 * second server on the same data dir exits at once ({@code DataDirLockedError: another process holds the
 * lock}); {@link #start} turns that into a clear error naming the pid in {@code <dataDir>/milvus-lite.pid}.
 * Use one server per data dir and share its {@link #uri()}.
 */
public final class MilvusLiteServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MilvusLiteServer.class);
    /** Default time allowed for the server to answer gRPC. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final String HOST = "127.0.0.1";
    private static final int BIND_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Thread shutdownHook;

    private MilvusLiteServer(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.shutdownHook = new Thread(this::stop, "milvus-lite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Same as {@link #start(Path, Path, Duration)} with {@link #DEFAULT_STARTUP_TIMEOUT}. */
    public static MilvusLiteServer start(Path executable, Path dataDir) {
        return start(executable, dataDir, DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Starts the server and waits until it answers gRPC.
     *
     * @param executable the {@code milvus-lite} script, normally {@code .venv/bin/milvus-lite}
     * @param dataDir    data directory (created if missing); it keeps the collections across runs
     * @param timeout    how long to wait for the server to answer
     * @throws IllegalStateException when the executable is missing, the data dir is locked by another
     *                               server, the process dies (message ends with the tail of its log) or
     *                               it does not answer within {@code timeout} (the process is stopped)
     */
    public static MilvusLiteServer start(Path executable, Path dataDir, Duration timeout) {
        return start(executable, dataDir, 0, timeout);
    }

    /**
     * Same as {@link #start(Path, Path, Duration)} on a given port, e.g. to restart a server where its clients
     * expect it; {@code port} 0 picks a free one.
     */
    public static MilvusLiteServer start(Path executable, Path dataDir, int fixedPort, Duration timeout) {
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new IllegalStateException("Milvus Lite executable not found: " + executable.toAbsolutePath()
                    + "; run bin/setup-python to create .venv with milvus-lite");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        OrphanServer.stopIfOrphaned(dir);
        ServerLog log = ServerLog.open(dir);
        for (int attempt = 1; ; attempt++) {
            int port = fixedPort > 0 ? fixedPort : ServerProbe.freePort(HOST);
            long logOffset = log.size();
            Process process = launch(executable, dir, port, log);
            MilvusLiteServer server = new MilvusLiteServer(process, port, dir);
            try {
                ServerProbe.awaitReady(process, HOST, port, timeout, log, logOffset);
                log.writePid(process.pid());
                LOG.info("Milvus Lite started: {} (pid {}, data dir {})", server.uri(), process.pid(), dir);
                return server;
            } catch (RuntimeException e) {
                server.close();
                String tail = log.tail(logOffset);
                if (fixedPort == 0 && attempt < BIND_ATTEMPTS && tail.contains("Failed to bind")) {
                    continue; // port taken between picking and binding: try another one
                }
                throw e;
            }
        }
    }

    private static Process launch(Path executable, Path dir, int port, ServerLog log) {
        ProcessBuilder pb = new ProcessBuilder(executable.toAbsolutePath().toString(), "server", "--data-dir",
                dir.toString(), "--host", HOST, "--port", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
        pb.environment().put("PYTHONUNBUFFERED", "1"); // so the log is complete when the process dies
        // our MILVUS_URI (a data folder) means something else to pymilvus inside the server, which then fails
        pb.environment().remove("MILVUS_URI");
        try {
            return pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + executable + "; run bin/setup-python", e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>}, the URI for {@code MilvusClientV2} */
    public String uri() {
        return "http://" + HOST + ":" + port;
    }

    /** @return the gRPC port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the absolute data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the server process, e.g. to check {@code isAlive()} */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Stops the server: SIGTERM, up to 10 s grace, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // JVM already shutting down: the hook runs (or ran) stop() itself
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        ServerLog.deletePid(dataDir, process.pid());
        LOG.info("Milvus Lite stopped (pid {})", process.pid());
    }
}
