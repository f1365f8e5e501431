package io.milvusingest.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.config.SyncConfig;
import io.milvusingest.s3.MinioServer;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Component;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code sync-bucket} health check against a real MinIO, through the S3 client of an aws2-s3 endpoint set up
 * as the getObject step of {@code routes/bucket-sync.camel.yaml} is (same options, credentials on the component).
 */
class SyncBucketHealthCheckIT {
    private static final String BUCKET = "sync-health";

    @Test
    void should_report_DOWN_without_the_bucket_UP_once_it_answers_and_DOWN_once_minio_is_gone() throws Exception {
        MinioServer minio = MinioServer.start();
        boolean stopped = false;
        SyncConfig sync = IngestConfig.from(ConfigSource.load(null, Map.of(
                "sync.enabled", "true", "sync.bucket", BUCKET, "sync.prefix", "manuals/",
                "sync.s3.uri-endpoint-override", minio.endpoint(), "sync.s3.force-path-style", "true",
                "sync.s3.access-key", minio.accessKey(), "sync.s3.secret-key", minio.secretKey())),
                Path.of(".")).sync();
        try (CamelContext camel = syncEndpointContext(sync)) {
            SyncBucketHealthCheck check = new SyncBucketHealthCheck(sync, () -> camel);
            assertThat(check.isReadiness()).isTrue();
            assertThat(check.isLiveness()).isFalse();

            HealthCheck.Result noBucket = check.call();
            assertThat(noBucket.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(noBucket.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("sync bucket s3://sync-health/manuals/ at " + minio.endpoint() + " unreachable: "));

            try (S3Client s3 = minio.client()) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);

            minio.close();
            stopped = true;
            HealthCheck.Result down = check.call();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("sync bucket s3://sync-health/manuals/ at " + minio.endpoint() + " unreachable: ")
                    .doesNotContain(minio.secretKey()).doesNotContain(minio.accessKey()));
        } finally {
            if (!stopped) {
                minio.close();
            }
        }
    }

    @Test
    void should_report_DOWN_while_no_sync_endpoint_is_started() throws Exception {
        SyncConfig sync = IngestConfig.from(ConfigSource.load(null, Map.of(
                "sync.enabled", "true", "sync.bucket", BUCKET)), Path.of(".")).sync();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            SyncBucketHealthCheck check = new SyncBucketHealthCheck(sync, () -> camel);

            HealthCheck.Result result = check.call();

            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("sync bucket s3://sync-health/ at AWS us-east-1 unreachable: ")
                    .contains("no started aws2-s3 endpoint for bucket sync-health"));
        }
    }

    /** A started context whose one route GETs from the sync bucket with the YAML route's endpoint options. */
    private static CamelContext syncEndpointContext(SyncConfig sync) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        AWS2S3Component s3 = camel.getComponent("aws2-s3", AWS2S3Component.class);
        s3.getConfiguration().setAccessKey(sync.accessKey());
        s3.getConfiguration().setSecretKey(sync.secretKey());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("aws2-s3:" + sync.bucket() + "?operation=getObject&region=" + sync.region()
                        + "&overrideEndpoint=true&uriEndpointOverride=" + sync.endpointOverride()
                        + "&forcePathStyle=" + sync.forcePathStyle());
            }
        });
        camel.start();
        return camel;
    }
}
