package io.milvusingest.serve;

import io.milvusingest.config.ServeConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The API key check of the HTTP service. The key comes from the environment variable
 * {@value ServeConfig#API_KEY_ENV}, is sent as {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}, and is
 * compared as SHA-256 digests with {@link MessageDigest#isEqual} (constant time: the time does not depend on how
 * much of the key matched, nor on its length). It is required by every guarded endpoint when the server is bound
 * beyond loopback, and by deletes always. Neither the key nor a presented value is ever logged or echoed.
 */
public final class ApiKeyGuard {
    private final byte[] keyDigest;
    private final boolean requiredForAll;

    private ApiKeyGuard(byte[] keyDigest, boolean requiredForAll) {
        this.keyDigest = keyDigest;
        this.requiredForAll = requiredForAll;
    }

    /**
     * @param key the configured key, or null/blank for none
     * @throws IllegalStateException when the server is bound beyond loopback without a key (it would be open)
     */
    public static ApiKeyGuard of(ServeConfig serve, String key) {
        boolean hasKey = key != null && !key.isBlank();
        if (!serve.loopback() && !hasKey) {
            throw new IllegalStateException("serve.host=" + serve.host() + " is reachable beyond this machine: set "
                    + "the API key in the environment variable " + ServeConfig.API_KEY_ENV);
        }
        return new ApiKeyGuard(hasKey ? sha256(key.strip()) : null, !serve.loopback());
    }

    /** @return whether every guarded endpoint needs the key (bound beyond loopback) */
    public boolean requiredForAll() {
        return requiredForAll;
    }

    /**
     * Checks the request's key, then removes the key headers from the message.
     *
     * @param always true for endpoints that need the key even on loopback (deletes)
     * @throws ApiError 401 when the key is needed and missing or wrong (or no key is configured)
     */
    public void check(Exchange exchange, boolean always) {
        Message m = exchange.getMessage();
        String presented = presented(m);
        m.removeHeader("Authorization");
        m.removeHeader("X-API-Key");
        if (!requiredForAll && !always) {
            return;
        }
        boolean ok = keyDigest != null && presented != null
                && MessageDigest.isEqual(keyDigest, sha256(presented));
        if (!ok) {
            throw new ApiError(401, "authentication_error", null, "invalid_api_key", keyDigest == null
                    ? "this operation needs an API key, and none is configured (" + ServeConfig.API_KEY_ENV + ")"
                    : "missing or wrong API key (Authorization: Bearer KEY, or X-API-Key)");
        }
    }

    private static String presented(Message m) {
        String key = m.getHeader("X-API-Key", String.class);
        if (key != null) {
            return key;
        }
        String auth = m.getHeader("Authorization", String.class);
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
