package io.milvusingest.bulk;

import io.milvusingest.config.BulkConfig;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Milvus's bucket seen through the AWS SDK v2 S3 client, with path-style addressing so it works with MinIO as
 * well as AWS S3. Thread-safe.
 */
public final class ObjectStore implements AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final String where;

    public ObjectStore(BulkConfig c) {
        this.bucket = c.bucket();
        this.where = "bucket '" + c.bucket() + "' at " + c.endpoint();
        this.s3 = S3Client.builder().endpointOverride(c.endpoint()).region(Region.of(c.region()))
                .forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKey(), c.secretKey())))
                .build();
    }

    /**
     * Checks, at start-up, that Milvus's bucket exists and these credentials can reach it.
     *
     * @throws IllegalStateException saying what is wrong: no such bucket (with the keys to set), access denied,
     *                               or the endpoint unreachable
     */
    public void requireBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            throw new IllegalStateException("bulk import: " + where + " does not exist. Import files must be staged"
                    + " in Milvus's own bucket: set milvus.bulk.bucket to Milvus's minio.bucketName (and"
                    + " milvus.bulk.endpoint to its object storage), or set milvus.stream=true to never bulk import");
        } catch (S3Exception e) {
            throw new IllegalStateException("bulk import: cannot use " + where + ": HTTP " + e.statusCode()
                    + (e.statusCode() == 403 ? " access denied (check milvus.bulk.access-key and milvus.bulk.secret-key)"
                    : e.statusCode() == 404 ? " no such bucket (set milvus.bulk.bucket to Milvus's minio.bucketName)"
                    : " " + e.getMessage()), e);
        } catch (SdkException e) {
            throw new IllegalStateException("bulk import: cannot reach " + where + " (milvus.bulk.endpoint): "
                    + e.getMessage(), e);
        }
    }

    /** Uploads a local file under {@code key}. @throws IngestException STORE_UNAVAILABLE/UPLOAD */
    public void put(Path file, String key) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "uploading " + file.getFileName()
                    + " to " + where + " as " + key + " failed: " + e.getMessage()).cause(e).build();
        }
    }

    /** @return whether {@code key} exists */
    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        }
    }

    /** Deletes the objects, 1000 keys per request (S3's limit); best effort is the caller's choice. */
    public void delete(List<String> keys) {
        for (int i = 0; i < keys.size(); i += 1000) {
            List<ObjectIdentifier> ids = keys.subList(i, Math.min(keys.size(), i + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
