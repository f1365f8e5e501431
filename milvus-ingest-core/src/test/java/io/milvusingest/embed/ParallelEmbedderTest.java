package io.milvusingest.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real bge-small model spread over two threads, as the routes run it. */
class ParallelEmbedderTest {
    static BgeSmallEmbedder model;
    static ExecutorService pool;

    @BeforeAll
    static void load() {
        model = new BgeSmallEmbedder(new BgeSmallEmbedder.Options(1, 1));
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() {
        pool.shutdownNow();
        model.close();
    }

    @Test
    void should_return_the_models_own_vectors_in_input_order_when_spread_over_threads() {
        List<String> passages = BgeSmallEmbedderTest.PASSAGES;
        List<float[]> expected = model.embedPassages(passages);
        ParallelEmbedder parallel = new ParallelEmbedder(model, pool, 1);

        List<float[]> actual = parallel.embedPassages(passages);

        assertThat(actual).hasSize(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            assertThat(actual.get(i)).as("passage %d", i).containsExactly(expected.get(i));
        }
        assertThat(parallel.firstEmbeddedAtMillis()).isPositive();
    }

    @Test
    void should_run_inference_calls_on_every_pool_thread_for_a_single_document() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Embedder recording = new Embedder() {
            public List<float[]> embedPassages(List<String> passages) {
                threads.add(Thread.currentThread().getName());
                return model.embedPassages(passages);
            }

            public float[] embedQuery(String query) {
                return model.embedQuery(query);
            }

            public int dimension() {
                return model.dimension();
            }

            public int maxTokens() {
                return model.maxTokens();
            }

            public String modelName() {
                return model.modelName();
            }
        };
        List<String> passages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            passages.add("passage number " + i + " about vector databases and hybrid search with BM25");
        }

        new ParallelEmbedder(recording, pool, 1).embedPassages(passages);

        assertThat(threads).hasSize(2).noneMatch(name -> name.equals(Thread.currentThread().getName()));
    }

    @Test
    void should_fail_the_call_with_the_models_error_when_one_passage_is_too_long() {
        List<String> passages = new ArrayList<>(List.of("a short passage", "another one"));
        passages.add("word ".repeat(600));

        assertThatThrownBy(() -> new ParallelEmbedder(model, pool, 1).embedPassages(passages))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the 510");
    }
}
