package io.milvusingest.sync;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.aws2.s3.AWS2S3Endpoint;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Finds the S3 client of the route's aws2-s3 endpoint, so listing, GET and the {@code sync-bucket} health check
 * share one client configured in one place (the endpoint options of {@code routes/bucket-sync.camel.yaml} and the
 * aws2-s3 component's credentials).
 */
public final class S3Clients {

    private S3Clients() {
    }

    /** @throws IllegalStateException when no started aws2-s3 endpoint for the bucket exists */
    public static S3Client of(CamelContext context, String bucket) {
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof AWS2S3Endpoint s3 && bucket.equals(s3.getConfiguration().getBucketName())
                    && s3.getS3Client() != null) {
                return s3.getS3Client();
            }
        }
        throw new IllegalStateException("no started aws2-s3 endpoint for bucket " + bucket
                + " (the getObject step of routes/bucket-sync.camel.yaml)");
    }
}
