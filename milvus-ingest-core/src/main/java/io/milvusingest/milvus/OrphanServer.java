package io.milvusingest.milvus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a Milvus Lite server left running on a data dir by an app that was killed ({@code kill -9},
 * OOM killer, power loss of the JVM only): the server outlives its parent JVM and keeps the data dir locked,
 * so the next start would fail. A server whose parent is still a live JVM belongs to another running app
 * and is left alone (its lock then gives the "already in use" error).
 */
final class OrphanServer {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanServer.class);

    private OrphanServer() {
    }

    /** Stops the orphaned server recorded in {@code <dataDir>/milvus-lite.pid}, if there is one: SIGTERM, then
     * SIGKILL after 10 s. Its rows are safe: Milvus Lite persists them when it stops. */
    static void stopIfOrphaned(Path dataDir) {
        Optional<ProcessHandle> server = recorded(dataDir);
        if (server.isEmpty() || !isMilvusLite(server.get()) || hasLiveJvmParent(server.get())) {
            return;
        }
        ProcessHandle p = server.get();
        LOG.warn("stopping Milvus Lite pid {} left running on {} by an app that ended without stopping it",
                p.pid(), dataDir);
        p.destroy();
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    private static Optional<ProcessHandle> recorded(Path dataDir) {
        try {
            Path file = dataDir.resolve(ServerLog.PID_FILE);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(file).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isMilvusLite(ProcessHandle p) {
        String cmd = p.info().commandLine().orElse("");
        return cmd.contains("milvus-lite") || cmd.contains("milvus_lite");
    }

    private static boolean hasLiveJvmParent(ProcessHandle p) {
        return p.parent().filter(ProcessHandle::isAlive)
                .map(parent -> parent.info().command().orElse("").endsWith("java")).orElse(false);
    }
}
