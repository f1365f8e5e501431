package io.milvusingest.milvus;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files {@link MilvusLiteServer} keeps in the data dir: {@code milvus-lite.log} (process output,
 * appended across runs) and {@code milvus-lite.pid} (pid of the running server).
 */
record ServerLog(Path dataDir, Path file) {
    static final String LOG_FILE = "milvus-lite.log";
    static final String PID_FILE = "milvus-lite.pid";
    private static final int TAIL_BYTES = 4096;

    static ServerLog open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(LOG_FILE);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            return new ServerLog(dataDir, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Milvus Lite data dir " + dataDir, e);
        }
    }

    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** @return the last ~4 KB written since {@code offset} (this run's output) */
    String tail(long offset) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(offset, raf.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - from)];
            raf.seek(from);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** @return why the server process ended during startup, for an exception message */
    String explainDeath(int exitCode, long offset) {
        String tail = tail(offset);
        if (tail.contains("DataDirLockedError")) {
            return "Milvus Lite data dir " + dataDir + " is in use by another Milvus Lite server" + holder()
                    + "; two servers cannot share a data dir: stop the other one or use another data dir";
        }
        return "Milvus Lite exited with code " + exitCode + " during startup; log " + file + " ends with:\n" + tail;
    }

    private String holder() {
        try {
            long pid = Long.parseLong(Files.readString(dataDir.resolve(PID_FILE)).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> " (pid " + pid + ")").orElse("");
        } catch (IOException | NumberFormatException e) {
            return "";
        }
    }

    void writePid(long pid) {
        try {
            Files.writeString(dataDir.resolve(PID_FILE), pid + "\n");
        } catch (IOException e) {
            // informational only
        }
    }

    /** Deletes the pid file if it names {@code pid} (and so not another server's). */
    static void deletePid(Path dataDir, long pid) {
        try {
            Path file = dataDir.resolve(PID_FILE);
            if (Files.exists(file) && Files.readString(file).strip().equals(Long.toString(pid))) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // informational only
        }
    }
}
