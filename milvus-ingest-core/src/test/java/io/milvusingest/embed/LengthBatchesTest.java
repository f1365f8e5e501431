package io.milvusingest.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthBatchesTest {

    @Test
    void should_cut_the_indexes_shortest_first_with_ties_in_input_order() {
        int[] lengths = {5, 1, 3, 1, 9};

        List<List<Integer>> batches = LengthBatches.of(lengths.length, i -> lengths[i], 2);

        assertThat(batches).containsExactly(List.of(1, 3), List.of(2, 0), List.of(4));
        assertThat(LengthBatches.of(0, i -> 0, 4)).isEmpty();
    }

    @Test
    void should_return_the_vectors_in_input_order_and_call_once_per_batch() {
        List<String> texts = List.of("ccc", "a", "bb", "dddd");
        List<List<String>> calls = new ArrayList<>();

        List<float[]> vectors = LengthBatches.embedInOrder(texts.size(), i -> texts.get(i).length(), 3, batch -> {
            calls.add(batch.stream().map(texts::get).toList());
            return batch.stream().map(i -> new float[] {texts.get(i).length()}).toList();
        });

        assertThat(calls).containsExactly(List.of("a", "bb", "ccc"), List.of("dddd"));
        assertThat(vectors).extracting(v -> v[0]).containsExactly(3f, 1f, 2f, 4f);
    }

    @Test
    void should_refuse_a_batch_answered_with_another_number_of_vectors() {
        assertThatThrownBy(() -> LengthBatches.embedInOrder(2, i -> i, 2, batch -> List.of(new float[1])))
                .isInstanceOf(IllegalStateException.class).hasMessage("2 inputs but 1 vectors");
        assertThatThrownBy(() -> LengthBatches.of(3, i -> i, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
