package io.milvusingest.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Bucket sync settings ({@code sync.*} keys); immutable and validated. Keys and defaults are documented in
 * {@code config/application.properties}. The size limit is {@code ingest.max-bytes} ({@link IngestConfig#limits()}).
 *
 * @param enabled        whether {@code routes/bucket-sync.camel.yaml} is loaded by {@code bin/ingest run}
 *                       ({@code sync.enabled})
 * @param bucket         bucket name, required when enabled ({@code sync.bucket})
 * @param prefix         only keys starting with it are synced, "" for all ({@code sync.prefix})
 * @param include        extensions (lower-case, no dot) of the keys synced ({@code sync.include}, default
 *                       {@code ingest.include})
 * @param delayMs        pause between two sync cycles, in ms ({@code sync.delay-ms})
 * @param deletes        delete the rows of objects gone from the bucket ({@code sync.deletes})
 * @param stateDir       where the processed-versions repository and failure records live ({@code sync.state-dir})
 * @param region         AWS region ({@code sync.s3.region})
 * @param endpointOverride S3 endpoint URI for MinIO or other S3-compatible stores, or null for AWS
 *                       ({@code sync.s3.uri-endpoint-override})
 * @param forcePathStyle path-style URLs ({@code http://host/bucket/key}), needed by MinIO
 *                       ({@code sync.s3.force-path-style})
 * @param accessKey      static access key, or null to use the AWS default credentials chain
 *                       ({@code sync.s3.access-key})
 * @param secretKey      static secret key, or null ({@code sync.s3.secret-key}); never printed
 */
public record SyncConfig(boolean enabled, String bucket, String prefix, List<String> include, long delayMs,
                         boolean deletes, Path stateDir, String region, String endpointOverride,
                         boolean forcePathStyle, String accessKey, String secretKey) {

    /** @return true when the S3 client should use {@link #endpointOverride()} */
    public boolean overrideEndpoint() {
        return endpointOverride != null;
    }

    /** @return where the bucket is served: {@link #endpointOverride()}, or {@code AWS <region>}; never credentials */
    public String endpointDescription() {
        return endpointOverride == null ? "AWS " + region : endpointOverride;
    }

    /** @return the source id prefix of the synced objects, {@code s3://<bucket>/<prefix>} */
    public String sourceIdPrefix() {
        return "s3://" + bucket + "/" + prefix;
    }

    /**
     * @param defaultInclude the extensions {@code sync.include} defaults to ({@code ingest.include})
     * @throws ConfigException naming the key of the first invalid value
     */
    static SyncConfig from(ConfigSource src, Path home, List<String> defaultInclude) {
        IngestConfig.Keys k = new IngestConfig.Keys(src);
        boolean enabled = k.bool("sync.enabled", false);
        String bucket = src.get("sync.bucket");
        // S3 bucket naming rules (3-63 chars, lower-case letters, digits, '.', '-'); checked here so a typo
        // reads as a configuration error naming the key, not as an AWS SDK exception at the first poll.
        if (bucket != null && !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigException("sync.bucket='" + bucket + "' is not a valid S3 bucket name"
                    + " (3-63 lower-case letters, digits, '.' and '-')");
        }
        if (enabled && bucket == null) {
            throw new ConfigException("sync.bucket must be set when sync.enabled=true");
        }
        String endpoint = src.get("sync.s3.uri-endpoint-override");
        if (endpoint != null && !endpoint.matches("https?://.+")) {
            throw new ConfigException("sync.s3.uri-endpoint-override='" + endpoint
                    + "' must be an http:// or https:// URI, e.g. http://localhost:9000");
        }
        String accessKey = src.get("sync.s3.access-key");
        String secretKey = src.get("sync.s3.secret-key");
        if ((accessKey == null) != (secretKey == null)) {
            throw new ConfigException("sync.s3.access-key and sync.s3.secret-key must be set together"
                    + " (or neither, for the AWS default credentials chain)");
        }
        List<String> include = src.get("sync.include") == null ? defaultInclude : k.list("sync.include", "");
        return new SyncConfig(enabled, bucket, k.string("sync.prefix", ""), include,
                k.positiveLong("sync.delay-ms", 60_000), k.bool("sync.deletes", true),
                home.resolve(k.string("sync.state-dir", "./data/sync")).normalize(), k.string("sync.s3.region", "us-east-1"),
                endpoint, k.bool("sync.s3.force-path-style", false), accessKey, secretKey);
    }

    @Override
    public String toString() { // never print secrets
        return "SyncConfig[bucket=" + bucket + ", prefix=" + prefix + ", endpoint=" + endpointDescription() + ", auth="
                + (accessKey != null ? "access key" : "default credentials chain") + "]";
    }
}
