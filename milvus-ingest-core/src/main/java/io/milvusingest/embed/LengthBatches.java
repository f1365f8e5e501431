package io.milvusingest.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Sort-by-length batching, shared by the embedders: inputs ordered by length (shortest first, ties in input order)
 * and cut into batches, so each batch's members have similar lengths and a batch padded to its longest member
 * carries little padding; results go back in input order.
 */
final class LengthBatches {

    private LengthBatches() {
    }

    /**
     * @param n         number of inputs
     * @param length    input index to its length (tokens, or characters when tokens are unknown)
     * @param batchSize most inputs per batch, {@code >= 1}
     * @return the input indexes, shortest first, in consecutive batches of {@code batchSize} (the last may be
     *         shorter); empty for {@code n == 0}
     */
    static List<List<Integer>> of(int n, IntUnaryOperator length, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(length::applyAsInt)); // stable: ties keep input order
        List<Integer> sorted = List.of(order);
        List<List<Integer>> batches = new ArrayList<>((n + batchSize - 1) / batchSize);
        for (int from = 0; from < n; from += batchSize) {
            batches.add(sorted.subList(from, Math.min(n, from + batchSize)));
        }
        return batches;
    }

    /**
     * Embeds the batches of {@link #of} one after another on the calling thread.
     *
     * @param embed one batch's input indexes to their vectors, in the same order
     * @return one vector per input, in input order
     * @throws IllegalStateException when {@code embed} returns another number of vectors than it was given inputs
     */
    static List<float[]> embedInOrder(int n, IntUnaryOperator length, int batchSize,
                                      Function<List<Integer>, List<float[]>> embed) {
        float[][] vectors = new float[n][];
        for (List<Integer> batch : of(n, length, batchSize)) {
            place(batch, embed.apply(batch), vectors);
        }
        return List.of(vectors);
    }

    /** Puts a batch's vectors at their inputs' positions in {@code vectors}. */
    static void place(List<Integer> batch, List<float[]> embedded, float[][] vectors) {
        if (embedded.size() != batch.size()) {
            throw new IllegalStateException(batch.size() + " inputs but " + embedded.size() + " vectors");
        }
        for (int j = 0; j < batch.size(); j++) {
            vectors[batch.get(j)] = embedded.get(j);
        }
    }
}
