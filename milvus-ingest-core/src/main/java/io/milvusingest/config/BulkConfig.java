package io.milvusingest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The stream-or-bulk choice and the bulk import settings. Keys, defaults and their reasons are documented in
 * {@code config/application.properties}.
 *
 * @param stream       always stream (batched upserts), never bulk import ({@code milvus.stream})
 * @param threshold    rows from which a job is bulk imported; 0 = always bulk ({@code milvus.bulk.threshold})
 * @param format       import file format, {@code parquet} or {@code json} ({@code milvus.bulk.format})
 * @param endpoint     S3 endpoint of Milvus's object storage, with scheme ({@code milvus.bulk.endpoint}, {@code milvus.bulk.tls})
 * @param region       S3 region ({@code milvus.bulk.region}); MinIO ignores it
 * @param accessKey    S3 access key ({@code milvus.bulk.access-key})
 * @param secretKey    S3 secret key ({@code milvus.bulk.secret-key}); never printed
 * @param bucket       Milvus's own bucket ({@code milvus.bulk.bucket})
 * @param prefix       object key prefix of staged files, without leading/trailing '/' ({@code milvus.bulk.prefix})
 * @param keepFiles    keep staged files after the import ({@code milvus.bulk.keep-files})
 * @param fileMaxBytes a staged file is closed once it reaches this size, in bytes ({@code milvus.bulk.file-max-mb})
 * @param timeout      how long one import job may take, end to end ({@code milvus.bulk.timeout-s})
 * @param pollInterval interval between job state polls ({@code milvus.bulk.poll-ms})
 * @param stagingDir   local folder for import files being written ({@code milvus.bulk.staging-dir})
 */
public record BulkConfig(boolean stream, int threshold, String format, URI endpoint, String region, String accessKey,
                         String secretKey, String bucket, String prefix, boolean keepFiles, long fileMaxBytes,
                         Duration timeout, Duration pollInterval, Path stagingDir) {
    /** Milvus's limit per import file: 16 GB. */
    public static final int FILE_MAX_MB_LIMIT = 16 * 1024;

    static BulkConfig from(IngestConfig.Keys k) {
        boolean tls = k.bool("milvus.bulk.tls", false);
        String raw = k.string("milvus.bulk.endpoint", "localhost:9000").trim();
        URI endpoint;
        try {
            endpoint = URI.create(raw.contains("://") ? raw : (tls ? "https://" : "http://") + raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("milvus.bulk.endpoint='" + raw + "' is not host:port or a URL");
        }
        if (endpoint.getHost() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
            throw new ConfigException("milvus.bulk.endpoint='" + raw + "' is not host:port or an http(s) URL");
        }
        if (tls != endpoint.getScheme().equals("https")) {
            throw new ConfigException("milvus.bulk.endpoint='" + raw + "' disagrees with milvus.bulk.tls=" + tls);
        }
        int fileMaxMb = k.positive("milvus.bulk.file-max-mb", 1024);
        if (fileMaxMb > FILE_MAX_MB_LIMIT) {
            throw new ConfigException("milvus.bulk.file-max-mb=" + fileMaxMb + " exceeds Milvus's limit of "
                    + FILE_MAX_MB_LIMIT + " MB per import file");
        }
        String bucket = k.string("milvus.bulk.bucket", "a-bucket").trim();
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigException("milvus.bulk.bucket='" + bucket + "' is not a valid S3 bucket name");
        }
        String prefix = k.string("milvus.bulk.prefix", "files/bulk-import").trim().replaceAll("^/+|/+$", "");
        String tmp = System.getProperty("java.io.tmpdir");
        return new BulkConfig(k.bool("milvus.stream", false), k.nonNegative("milvus.bulk.threshold", 5_000),
                k.choice("milvus.bulk.format", "parquet", List.of("parquet", "json")), endpoint,
                k.string("milvus.bulk.region", "us-east-1"), k.string("milvus.bulk.access-key", "minioadmin"),
                k.string("milvus.bulk.secret-key", "minioadmin"), bucket, prefix, k.bool("milvus.bulk.keep-files", false),
                fileMaxMb * (1L << 20), Duration.ofSeconds(k.positive("milvus.bulk.timeout-s", 3600)),
                Duration.ofMillis(k.positive("milvus.bulk.poll-ms", 1000)),
                Path.of(k.string("milvus.bulk.staging-dir", tmp)));
    }

    /** @return this configuration with another threshold and stream flag (tests, benchmark) */
    public BulkConfig withChoice(boolean alwaysStream, int rowsThreshold) {
        return new BulkConfig(alwaysStream, rowsThreshold, format, endpoint, region, accessKey, secretKey, bucket, prefix,
                keepFiles, fileMaxBytes, timeout, pollInterval, stagingDir);
    }

    @Override
    public String toString() { // never print the secret key
        return "BulkConfig[stream=" + stream + ", threshold=" + threshold + ", format=" + format + ", endpoint="
                + endpoint + ", bucket=" + bucket + ", prefix=" + prefix + ", keepFiles=" + keepFiles + "]";
    }
}
