package io.milvusingest.runtime;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.config.IngestConfig;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteServer;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Milvus client, and the embedded Milvus Lite server it talks to when {@code milvus.uri} is a local path.
 * Closing it closes the client and stops that server; a connection {@link #of(MilvusClientV2, String) wrapping}
 * someone else's client closes nothing.
 */
public final class MilvusConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MilvusConnection.class);

    private final MilvusClientV2 client;
    private final String uri;
    private final MilvusLiteServer lite;
    private final boolean owned;

    private MilvusConnection(MilvusClientV2 client, String uri, MilvusLiteServer lite, boolean owned) {
        this.client = Objects.requireNonNull(client, "client");
        this.uri = uri;
        this.lite = lite;
        this.owned = owned;
    }

    /**
     * Connects, first starting an embedded Milvus Lite when {@code m.uri()} is a local data directory.
     *
     * @param home the directory a relative data directory resolves against
     * @throws io.milvusingest.model.IngestException STORE_UNAVAILABLE when Milvus cannot be reached or started
     */
    public static MilvusConnection open(IngestConfig.MilvusConfig m, Path home) {
        MilvusLiteServer lite = null;
        try {
            String uri = m.uri();
            if (m.embedded()) {
                lite = MilvusLiteServer.start(m.liteCommand(), home.resolve(m.uri()).normalize());
                uri = lite.uri();
            }
            MilvusClientV2 client = MilvusConnector.connect(MilvusConnector.Settings.of(uri).withToken(m.token())
                    .withCredentials(m.user(), m.password()).withConnectTimeout(m.connectTimeout())
                    .withCallTimeout(m.callTimeout()));
            return new MilvusConnection(client, uri, lite, true);
        } catch (RuntimeException e) {
            if (lite != null) {
                lite.close();
            }
            throw e;
        }
    }

    /** @return a connection over a client its caller owns (and closes); {@link #close()} leaves it open */
    public static MilvusConnection of(MilvusClientV2 client, String uri) {
        return new MilvusConnection(client, uri, null, false);
    }

    public MilvusClientV2 client() {
        return client;
    }

    /** @return the server's http(s) URI (the embedded server's own when Milvus Lite runs) */
    public String uri() {
        return uri;
    }

    /** @return true when this connection started an embedded Milvus Lite */
    public boolean embedded() {
        return lite != null;
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the Milvus client: {}", e.toString());
        }
        if (lite != null) {
            lite.close();
        }
    }
}
