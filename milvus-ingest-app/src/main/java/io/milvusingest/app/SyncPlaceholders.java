package io.milvusingest.app;

import io.milvusingest.config.SyncConfig;
import java.util.Properties;

/**
 * The camel-main properties of the bucket sync: the {{sync.*}} placeholders of
 * {@code routes/bucket-sync.camel.yaml}, and the aws2-s3 component's credentials. Credentials go on the component,
 * not in the route's endpoint URI, so they never show in a URI, a route dump or a log line.
 */
public final class SyncPlaceholders {

    private SyncPlaceholders() {
    }

    /** @param scheduled whether the scheduler route starts ({@code sync.scheduled}) */
    public static Properties of(SyncConfig s, boolean scheduled) {
        Properties p = new Properties();
        p.setProperty("sync.scheduled", Boolean.toString(scheduled));
        // a bucket is required only when the route is loaded; the value keeps the placeholder resolvable
        p.setProperty("sync.bucket", s.bucket() == null ? "unset" : s.bucket());
        p.setProperty("sync.delay-ms", Long.toString(s.delayMs()));
        p.setProperty("sync.s3.region", s.region());
        p.setProperty("sync.s3.override-endpoint", Boolean.toString(s.overrideEndpoint()));
        if (s.endpointOverride() != null) { // else the optional {{?...}} placeholder drops the option
            p.setProperty("sync.s3.uri-endpoint-override", s.endpointOverride());
        }
        p.setProperty("sync.s3.force-path-style", Boolean.toString(s.forcePathStyle()));
        if (s.accessKey() != null) {
            p.setProperty("camel.component.aws2-s3.access-key", s.accessKey());
            p.setProperty("camel.component.aws2-s3.secret-key", s.secretKey());
        } else {
            p.setProperty("camel.component.aws2-s3.use-default-credentials-provider", "true");
        }
        return p;
    }
}
