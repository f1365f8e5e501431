package io.milvusingest.store;

import io.milvusingest.config.StoreConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The store task's bucket prefix ({@code store.uri=s3://bucket/prefix}), as NeMo Retriever's fsspec store writes
 * to S3: one PutObject per element, through the AWS SDK v2 S3 client (MinIO with {@code store.s3.*}'s endpoint
 * override and path-style addressing). Thread-safe.
 */
final class S3Sink implements StoreSink {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    private S3Sink(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** @param config a validated {@code s3://} store configuration (see {@link StoreConfig}) */
    static S3Sink of(StoreConfig config) {
        String rest = config.uri().substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        S3ClientBuilder builder = S3Client.builder().region(Region.of(config.region()))
                .forcePathStyle(config.forcePathStyle()).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(config.accessKey() != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        if (config.endpoint() != null) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        return new S3Sink(builder.build(), bucket, prefix);
    }

    @Override
    public String put(String key, byte[] bytes) {
        String full = prefix.isEmpty() ? key : prefix + "/" + key;
        s3.putObject(b -> b.bucket(bucket).key(full), RequestBody.fromBytes(bytes));
        return "s3://" + bucket + "/" + full;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void close() {
        s3.close();
    }
}
