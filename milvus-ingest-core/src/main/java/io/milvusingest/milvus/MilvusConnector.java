package io.milvusingest.milvus;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.client.RetryConfig;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.net.URI;
import java.time.Duration;

/**
 * Opens {@link MilvusClientV2} connections. Messages name the URI (without any user info) but never the
 * token or password.
 */
public final class MilvusConnector {

    /** How long the initial connect may take by default ({@code milvus.connect-timeout-ms}). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Default deadline of each call ({@code milvus.call-timeout-ms}): long enough for a flush or a load of a large
     * collection on a busy server, short enough that a hung server surfaces as STORE_UNAVAILABLE within minutes.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);

    private MilvusConnector() {
    }

    /**
     * Where and how to connect.
     *
     * @param uri            e.g. {@code http://127.0.0.1:19530}
     * @param token          API key or {@code user:password}; null or blank for none (wins over user/password)
     * @param username       user for basic auth, null for none
     * @param password       password for basic auth, null for none
     * @param connectTimeout how long the initial connect may take
     * @param rpcTimeout     deadline of each call, including the SDK's retries; zero for none
     */
    public record Settings(String uri, String token, String username, String password, Duration connectTimeout,
                           Duration rpcTimeout) {

        /**
         * @return settings for {@code uri} without credentials, {@link #DEFAULT_CONNECT_TIMEOUT} and
         *         {@link #DEFAULT_CALL_TIMEOUT}
         */
        public static Settings of(String uri) {
            return new Settings(uri, null, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT);
        }

        public Settings withToken(String newToken) {
            return new Settings(uri, newToken, username, password, connectTimeout, rpcTimeout);
        }

        public Settings withCredentials(String user, String pass) {
            return new Settings(uri, token, user, pass, connectTimeout, rpcTimeout);
        }

        public Settings withConnectTimeout(Duration timeout) {
            return new Settings(uri, token, username, password, timeout, rpcTimeout);
        }

        /** @param deadline deadline of each call, including the SDK's retries; zero for none */
        public Settings withCallTimeout(Duration deadline) {
            return new Settings(uri, token, username, password, connectTimeout, deadline);
        }

        @Override
        public String toString() { // keeps secrets out of logs
            return "Settings[uri=" + redact(uri) + ", auth=" + (hasText(token) ? "token" : hasText(username)
                    ? "user " + username : "none") + ", connectTimeout=" + connectTimeout + ", callTimeout="
                    + rpcTimeout + "]";
        }
    }

    /** Same as {@code connect(Settings.of(uri))}. */
    public static MilvusClientV2 connect(String uri) {
        return connect(Settings.of(uri));
    }

    /**
     * Connects and checks the connection (the SDK calls the server's {@code Connect} RPC).
     *
     * @return a thread-safe client; close it when done
     * @throws IngestException kind STORE_UNAVAILABLE, stage UPLOAD, when the server cannot be reached or
     *                         refuses the credentials
     */
    public static MilvusClientV2 connect(Settings settings) {
        ConnectConfig.ConnectConfigBuilder config = ConnectConfig.builder().uri(settings.uri())
                .connectTimeoutMs(settings.connectTimeout().toMillis())
                .rpcDeadlineMs(settings.rpcTimeout().toMillis())
                // gRPC servers accept a keepalive ping at most every 5 min by default; faster pings get
                // GOAWAY "too_many_pings" (seen with Milvus Lite), so ping no faster than that
                .keepAliveTimeMs(300_000);
        if (hasText(settings.token())) {
            config.token(settings.token());
        } else if (hasText(settings.username())) {
            config.username(settings.username()).password(settings.password() == null ? "" : settings.password());
        }
        try {
            MilvusClientV2 client = new MilvusClientV2(config.build());
            // the SDK default retries UNAVAILABLE for minutes; cap it so outages surface as STORE_UNAVAILABLE
            client.retryConfig(RetryConfig.builder().maxRetryTimes(5).maxRetryTimeoutMs(30_000).build());
            return client;
        } catch (RuntimeException e) {
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, "cannot connect to Milvus at "
                    + redact(settings.uri()) + " within " + settings.connectTimeout().toMillis() + " ms: "
                    + scrub(e, settings)).build();
        }
    }

    /** @return {@code uri} without user info ({@code http://user:pw@host} becomes {@code http://host}) */
    static String redact(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (parsed.getUserInfo() == null) {
                return uri;
            }
            return new URI(parsed.getScheme(), null, parsed.getHost(), parsed.getPort(), parsed.getPath(),
                    parsed.getQuery(), parsed.getFragment()).toString();
        } catch (Exception e) {
            return "(unparseable uri)";
        }
    }

    /** @return the exception's message with any token or password replaced by {@code ***} */
    private static String scrub(Throwable e, Settings settings) {
        String message = (e.getClass().getSimpleName() + ": " + e.getMessage())
                .replace(settings.uri(), redact(settings.uri()));
        for (String secret : new String[] {settings.token(), settings.password()}) {
            if (hasText(secret)) {
                message = message.replace(secret, "***");
            }
        }
        return message;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
