package io.milvusingest.bulk;

import io.milvusingest.config.BulkConfig;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.MilvusLiteExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real MinIO and a real Milvus 2.3.5 standalone whose object storage is that MinIO, started by
 * {@code bin/bulk-test-servers} in a private network namespace and reached through forwarded ports on
 * 127.0.0.1 (see docs/test-servers.md). One stack per test run ({@link BulkStackExtension}).
 *
 * @param milvusUri     e.g. {@code http://127.0.0.1:41234}
 * @param minioEndpoint e.g. {@code 127.0.0.1:39373} (host:port, plain HTTP)
 * @param bucket        Milvus's bucket ({@code minio.bucketName})
 * @param rootPath      Milvus's {@code minio.rootPath}: import keys start with it
 */
public record BulkStack(String milvusUri, String minioEndpoint, String bucket, String rootPath, String accessKey,
                        String secretKey, Process process, Path workDir) implements AutoCloseable {

    /** Starts the stack; takes ~10 s (Milvus unpacks ~250 MB of binaries into {@code workDir}). */
    static BulkStack start() throws IOException {
        Path work = Files.createTempDirectory("bulk-stack-");
        Process p = new ProcessBuilder("bin/bulk-test-servers", work.toString())
                .redirectError(work.resolve("bulk-test-servers.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/bulk-test-servers did not start (" + line + "); see "
                    + work.resolve("bulk-test-servers.log") + " and " + work.resolve("milvus/logs"));
        }
        Map<String, String> kv = new HashMap<>();
        for (String part : line.substring(6).split(" ")) {
            kv.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
        return new BulkStack("http://" + kv.get("milvus"), kv.get("minio"), kv.get("bucket"), kv.get("root"),
                kv.get("access"), kv.get("secret"), p, work);
    }

    /** @return the bulk settings pointing at this stack, staging under {@code <rootPath>/bulk-it}, polling every 200 ms */
    public BulkConfig config(int threshold, String format, Path stagingDir) {
        return config(threshold, format, stagingDir, 1024);
    }

    /** @param fileMaxMb size at which a staged file is closed and the next one started */
    public BulkConfig config(int threshold, String format, Path stagingDir, int fileMaxMb) {
        Map<String, String> keys = new HashMap<>(Map.of("milvus.bulk.endpoint", minioEndpoint,
                "milvus.bulk.bucket", bucket, "milvus.bulk.prefix", rootPath + "/bulk-it",
                "milvus.bulk.access-key", accessKey, "milvus.bulk.secret-key", secretKey,
                "milvus.bulk.threshold", Integer.toString(threshold), "milvus.bulk.format", format,
                "milvus.bulk.poll-ms", "200", "milvus.bulk.timeout-s", "120",
                "milvus.bulk.staging-dir", stagingDir.toString()));
        keys.put("milvus.bulk.file-max-mb", Integer.toString(fileMaxMb));
        return IngestConfig.from(ConfigSource.load(null, keys), Path.of(".")).bulk();
    }

    /** Stops Milvus then MinIO (closing the launcher's stdin), then deletes the work dir. */
    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        MilvusLiteExtension.deleteTree(workDir);
    }
}
