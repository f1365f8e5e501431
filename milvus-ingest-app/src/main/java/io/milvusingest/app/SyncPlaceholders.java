package io.milvusingest.app;

import io.milvusingest.config.SyncConfig;
import java.util.Properties;

/**
 * The {{sync.*}} placeholders of {@code routes/bucket-sync.camel.yaml}. The S3 settings and credentials are not
 * among them: they configure the sync's S3 client bean ({@code #syncS3Client}, built by
 * {@link io.milvusingest.sync.SyncS3Client}), so they never show in a URI, a route dump or a log line.
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
        return p;
    }
}
