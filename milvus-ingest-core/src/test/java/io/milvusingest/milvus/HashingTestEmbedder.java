package io.milvusingest.milvus;

import io.milvusingest.embed.Embedder;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test double for the dense model ONLY (Milvus itself is always real in tests): a deterministic bag-of-words
 * embedding. Each lower-cased word is hashed to one of {@code dimension} buckets with a hash-derived sign;
 * the counts are L2-normalized. Texts sharing words get a high cosine similarity; equal texts get equal
 * vectors (cosine 1). A text without words maps to the unit vector e0. Queries and passages embed alike.
 */
public final class HashingTestEmbedder implements Embedder {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private final int dimension;

    public HashingTestEmbedder() {
        this(384);
    }

    public HashingTestEmbedder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return passages.stream().map(this::embed).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(query);
    }

    /** @return the L2-normalized hashed bag of words of {@code text}, {@link #dimension()} floats */
    public float[] embed(String text) {
        float[] v = new float[dimension];
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            int h = m.group().hashCode() * 0x9E3779B1;
            v[Math.floorMod(h, dimension)] += (h & 0x10000) == 0 ? 1f : -1f;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f;
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= inv;
        }
        return v;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int maxTokens() {
        return 510;
    }

    @Override
    public String modelName() {
        return "hashing-test-embedder";
    }
}
