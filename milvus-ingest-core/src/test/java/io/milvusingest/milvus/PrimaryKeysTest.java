package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrimaryKeysTest {

    @Test
    void sameInputGivesSameKey() {
        assertThat(PrimaryKeys.of("/data/a.pdf", 3)).isEqualTo(PrimaryKeys.of("/data/a.pdf", 3));
    }

    @Test
    void keysArePositiveAndDistinct() {
        Set<Long> keys = new HashSet<>();
        for (int doc = 0; doc < 100; doc++) {
            for (int chunk = 0; chunk < 100; chunk++) {
                long key = PrimaryKeys.of("/data/doc-" + doc + ".txt", chunk);
                assertThat(key).isNotNegative();
                keys.add(key);
            }
        }
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void separatorKeepsAmbiguousConcatenationsApart() {
        assertThat(PrimaryKeys.of("a1", 0)).isNotEqualTo(PrimaryKeys.of("a", 10));
    }

    @Test
    void knownValueIsStable() {
        // first 8 bytes of SHA-256("x\u00000") with the sign bit cleared; pins the format across releases
        assertThat(PrimaryKeys.of("x", 0)).isEqualTo(PrimaryKeys.of("x", 0))
                .isEqualTo(Long.parseUnsignedLong(sha256Prefix("x\u00000"), 16) & Long.MAX_VALUE);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> PrimaryKeys.of(null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrimaryKeys.of("a", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256Prefix(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
