package io.milvusingest.sync;

import io.milvusingest.config.SyncConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the one S3 client of the bucket sync from {@code sync.s3.*}, with the AWS SDK: the listing, each GET and
 * the bucket health check share it, so they see the same endpoint, region and credentials.
 */
public final class SyncS3Client {

    private SyncS3Client() {
    }

    /**
     * @return a client for {@link SyncConfig#region()}, {@link SyncConfig#endpointOverride()} when set (MinIO and
     *         other S3-compatible stores), path-style addressing when {@link SyncConfig#forcePathStyle()}, the
     *         static access key when set, else the AWS default credentials chain (environment, {@code ~/.aws},
     *         instance role); the caller closes it
     */
    public static S3Client create(SyncConfig sync) {
        AwsCredentialsProvider credentials = sync.accessKey() != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(sync.accessKey(), sync.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        var builder = S3Client.builder().region(Region.of(sync.region())).forcePathStyle(sync.forcePathStyle())
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder());
        if (sync.overrideEndpoint()) {
            builder.endpointOverride(URI.create(sync.endpointOverride()));
        }
        return builder.build();
    }
}
