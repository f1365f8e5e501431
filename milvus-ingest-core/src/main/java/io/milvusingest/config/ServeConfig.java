package io.milvusingest.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The HTTP service of {@code bin/ingest serve} (and of {@code bin/ingest run}).
 *
 * @param host         the address it binds to ({@code serve.host}; default 127.0.0.1, this machine only)
 * @param port         its TCP port, 1..65535 ({@code serve.port}; default 8000)
 * @param fileRoots    folders whose ingested files {@code /files/{id}} may serve ({@code serve.file-roots},
 *                     comma-separated; default the inbox {@code ingest.inbox})
 * @param maxBodyBytes largest {@code /api/*} request body accepted, bytes ({@code serve.max-body-bytes}; default
 *                     65536): a search request is a question and a filter
 * @param inRun        whether {@code bin/ingest run} serves it too ({@code serve.in-run}; default false); its health
 *                     and metrics then move from {@code health.port} to this server's port
 */
public record ServeConfig(String host, int port, List<Path> fileRoots, long maxBodyBytes, boolean inRun) {
    /** Environment variable holding the API key (never a configuration key, so it is never in a file or a log). */
    public static final String API_KEY_ENV = "MILVUS_INGEST_API_KEY";

    public ServeConfig {
        fileRoots = List.copyOf(fileRoots);
    }

    /**
     * @return whether {@link #host()} is this machine's usual loopback address (127.0.0.1, ::1, localhost); any other
     *         address, another 127.x one included, counts as reachable beyond it (the API key is then required)
     */
    public boolean loopback() {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
    }

    static ServeConfig read(IngestConfig.Keys k, Path home, Path inbox) {
        String roots = k.string("serve.file-roots", "");
        List<Path> fileRoots = roots.isBlank() ? List.of(inbox) : java.util.Arrays.stream(roots.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> home.resolve(s).normalize()).toList();
        return new ServeConfig(k.host("serve.host", "127.0.0.1"), k.atMost("serve.port", 8000, 65_535), fileRoots,
                k.positiveLong("serve.max-body-bytes", 65_536), k.bool("serve.in-run", false));
    }
}
