package io.milvusingest.config;

import java.net.URI;

/**
 * Store task settings ({@code store.*}).
 *
 * @param uri            {@code file:///absolute/folder}, {@code s3://bucket} or {@code s3://bucket/prefix}, or "" for
 *                       no store task ({@code store.uri})
 * @param images         store extracted images ({@code store.images})
 * @param tables         store extracted tables, as Markdown ({@code store.tables})
 * @param region         S3 region ({@code store.s3.region}); MinIO ignores it
 * @param endpoint       S3 endpoint override, e.g. {@code http://localhost:9000} for MinIO, or null for AWS
 *                       ({@code store.s3.uri-endpoint-override})
 * @param forcePathStyle path-style bucket addressing, which MinIO needs ({@code store.s3.force-path-style})
 * @param accessKey      static access key, or null for the AWS default credentials chain ({@code store.s3.access-key})
 * @param secretKey      static secret key, or null ({@code store.s3.secret-key}); never printed
 */
public record StoreConfig(String uri, boolean images, boolean tables, String region, String endpoint,
                          boolean forcePathStyle, String accessKey, String secretKey) {

    /** Local-folder (or no) store task settings, without S3 settings. */
    public StoreConfig(String uri, boolean images, boolean tables) {
        this(uri, images, tables, "us-east-1", null, false, null, null);
    }

    /** @return whether {@link #uri} names a bucket */
    public boolean s3() {
        return uri.startsWith("s3://");
    }

    static StoreConfig from(IngestConfig.Keys k, ConfigSource src) {
        String uri = k.string("store.uri", "").strip();
        if (uri.startsWith("s3://")) {
            checkS3(uri);
        } else if (!uri.isEmpty() && !uri.startsWith("file:///")) {
            throw new ConfigException("store.uri='" + uri + "' must be empty, file:///absolute/folder or"
                    + " s3://bucket/prefix");
        }
        String endpoint = src.get("store.s3.uri-endpoint-override");
        if (endpoint != null && !endpoint.matches("https?://.+")) {
            throw new ConfigException("store.s3.uri-endpoint-override='" + endpoint
                    + "' must be an http:// or https:// URI, e.g. http://localhost:9000");
        }
        String accessKey = src.get("store.s3.access-key");
        String secretKey = src.get("store.s3.secret-key");
        if ((accessKey == null) != (secretKey == null)) {
            throw new ConfigException("store.s3.access-key and store.s3.secret-key must be set together"
                    + " (or neither, for the AWS default credentials chain)");
        }
        return new StoreConfig(uri, k.bool("store.images", true), k.bool("store.tables", true),
                k.string("store.s3.region", "us-east-1"), endpoint, k.bool("store.s3.force-path-style", false),
                accessKey, secretKey);
    }

    /** A valid bucket name; prefix segments neither empty nor {@code .}/{@code ..} (keys must stay under it). */
    private static void checkS3(String uri) {
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigException("store.uri='" + uri + "': '" + bucket + "' is not a valid S3 bucket name");
        }
        for (String segment : prefix.isEmpty() ? new String[0] : prefix.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf(0) >= 0) {
                throw new ConfigException("store.uri='" + uri + "': the prefix may not have empty, '.' or '..'"
                        + " segments");
            }
        }
        URI.create(uri); // rejects characters a URI cannot hold
    }

    @Override
    public String toString() { // never print secrets
        return "StoreConfig[uri=" + uri + ", images=" + images + ", tables=" + tables + ", endpoint="
                + (endpoint == null ? "AWS" : endpoint) + ", auth=" + (accessKey != null ? "access key"
                : "default credentials chain") + "]";
    }
}
