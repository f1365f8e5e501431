package io.milvusingest.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.milvusingest.model.Chunk;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgeSmallEmbedderTest {

    /** Passages of very different lengths (2 to 480 tokens), so one batch carries a lot of padding. */
    static final List<String> PASSAGES = passages();

    /** Default options: batch size 1. */
    static BgeSmallEmbedder embedder;
    /** Batches of 8: all of {@link #PASSAGES} go through ONNX Runtime together. */
    static BgeSmallEmbedder batched;
    static BgeSmallEnV15QuantizedEmbeddingModel reference;

    @BeforeAll
    static void load() {
        embedder = new BgeSmallEmbedder();
        batched = new BgeSmallEmbedder(new BgeSmallEmbedder.Options(8, 0));
        reference = new BgeSmallEnV15QuantizedEmbeddingModel();
    }

    @AfterAll
    static void close() {
        embedder.close();
        batched.close();
    }

    static List<String> passages() {
        String sentence = "Milvus is an open-source vector database built for scalable similarity search, "
                + "and it stores embeddings alongside scalar metadata such as page numbers. ";
        List<String> passages = new ArrayList<>();
        passages.add("Hello.");
        passages.add("The quick brown fox jumped over the lazy dog.");
        passages.add("Quarterly revenue grew 12% year over year, driven by data-center sales; "
                + "gross margin was 74.6 percent, and the company repurchased $9.5 billion of stock.");
        passages.add(sentence.repeat(6));
        passages.add("Café naïve façade — 日本語 text, emoji 😀 and math 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 in one passage.");
        passages.add(sentence.repeat(15)); // 480 tokens
        passages.add("Photosynthesis converts light energy into chemical energy stored in glucose.");
        return passages;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    @Test
    void withTheDefaultBatchSizeVectorsMatchLangchain4jsBgeSmallModel() {
        assertThat(embedder.options().batchSize()).isEqualTo(1);
        assertThat(embedder.tokenizer().count(PASSAGES.get(5))).isBetween(400, 510);

        List<float[]> vectors = embedder.embedPassages(PASSAGES);

        assertThat(vectors).hasSameSizeAs(PASSAGES);
        for (int i = 0; i < PASSAGES.size(); i++) {
            double cos = cosine(vectors.get(i), reference.embed(PASSAGES.get(i)).content().vector());
            System.out.printf("batch size 1, passage %d (%d tokens): cosine to langchain4j %.7f%n",
                    i, embedder.tokenizer().count(PASSAGES.get(i)), cos);
            assertThat(cos).as("passage %d", i).isGreaterThanOrEqualTo(0.9999);
        }
    }

    /**
     * In one padded batch, vectors move a little: the model's dynamic int8 quantization picks its scales from
     * the whole batch (see BgeSmallEmbedder's class comment). Measured: 0.9916 at worst ("Hello.", 2 tokens,
     * in a batch with a 480-token passage), 0.995-0.999 otherwise. Wrong padding, masks, pooling or ordering
     * would give far lower cosines.
     */
    @Test
    void inOneBatchOfMixedLengthsVectorsStayWithinQuantizationNoiseOfLangchain4jsModel() {
        List<float[]> vectors = batched.embedPassages(PASSAGES);

        assertThat(vectors).hasSameSizeAs(PASSAGES);
        List<float[]> expected = PASSAGES.stream().map(p -> reference.embed(p).content().vector()).toList();
        for (int i = 0; i < PASSAGES.size(); i++) {
            double cos = cosine(vectors.get(i), expected.get(i));
            System.out.printf("batch size 8, passage %d (%d tokens): cosine to langchain4j %.7f%n",
                    i, embedder.tokenizer().count(PASSAGES.get(i)), cos);
            assertThat(cos).as("passage %d", i).isGreaterThanOrEqualTo(0.99);
            for (int j = 0; j < PASSAGES.size(); j++) {
                if (j != i) {
                    assertThat(cosine(vectors.get(i), expected.get(j))).as("passage %d vs %d", i, j).isLessThan(cos);
                }
            }
        }
    }

    @Test
    void vectorsHave384L2NormalizedDimensions() {
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(embedder.maxTokens()).isEqualTo(510);
        assertThat(embedder.modelName()).isEqualTo("bge-small-en-v1.5");
        List<float[]> vectors = new ArrayList<>(embedder.embedPassages(PASSAGES));
        vectors.addAll(batched.embedPassages(PASSAGES));
        vectors.add(embedder.embedQuery("what is a vector database?"));
        for (float[] v : vectors) {
            assertThat(v).hasSize(384);
            assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void queryScoresARelevantPassageAboveAnUnrelatedOne() {
        float[] query = embedder.embedQuery("how do plants turn sunlight into energy?");
        List<float[]> passages = embedder.embedPassages(List.of(
                "Photosynthesis converts light energy into chemical energy stored in glucose.",
                "Quarterly revenue grew 12% year over year, driven by data-center sales."));

        assertThat(cosine(query, passages.get(0))).isGreaterThan(cosine(query, passages.get(1)) + 0.1);
    }

    @Test
    void queriesGetBgesRetrievalInstructionAndPassagesDoNot() {
        String text = "how do plants turn sunlight into energy?";
        float[] asQuery = embedder.embedQuery(text);
        float[] instructed = embedder.embedPassages(List.of(BgeSmallEmbedder.QUERY_INSTRUCTION + text)).get(0);
        float[] plain = embedder.embedPassages(List.of(text)).get(0);

        assertThat(cosine(asQuery, instructed)).isGreaterThan(0.99999);
        assertThat(cosine(asQuery, reference.embed(BgeSmallEmbedder.QUERY_INSTRUCTION + text).content().vector()))
                .isGreaterThan(0.9999);
        assertThat(cosine(asQuery, plain)).isLessThan(0.999);
    }

    @Test
    void aPassageAloneGetsTheSameVectorWhateverElseIsEmbeddedWithIt() {
        float[] alone = embedder.embedPassages(List.of(PASSAGES.get(1))).get(0);
        float[] withOthers = embedder.embedPassages(PASSAGES).get(1);

        assertThat(withOthers).containsExactly(alone);
    }

    @Test
    void emptyInputGivesNoVectors() {
        assertThat(embedder.embedPassages(List.of())).isEmpty();
        assertThat(batched.embedPassages(List.of())).isEmpty();
    }

    @Test
    void passageOverTheTokenLimitIsRejectedNotTruncated() {
        String tooLong = "word ".repeat(511);
        assertThat(embedder.tokenizer().count(tooLong)).isEqualTo(511);
        assertThat(embedder.embedPassages(List.of("word ".repeat(510)))).hasSize(1);

        assertThatThrownBy(() -> batched.embedPassages(List.of("short", tooLong)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passage 1 has 511 tokens")
                .hasMessageContaining("510");
        assertThatThrownBy(() -> embedder.embedQuery(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query has");
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThatThrownBy(() -> new BgeSmallEmbedder.Options(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch size");
        assertThatThrownBy(() -> new BgeSmallEmbedder.Options(8, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intra-op threads");
    }

    /**
     * The ingest path: the chunker's token ids go to the model instead of the texts being tokenized again.
     * Real prose (the Apache License from the shared corpus) and the non-ASCII passage, chunked as in
     * production (384/64); one entry without ids is tokenized as before.
     */
    @Test
    void should_give_the_same_vectors_from_the_chunkers_token_ids_as_from_the_texts() throws IOException {
        String license = Files.readString(Path.of("../shared/corpus/nv-ingest/LICENSE"));
        List<Chunk> chunks = new TokenChunker(embedder.tokenizer(), embedder, 384, 64).split(List.of(
                new Element(ContentType.TEXT, license, 1), new Element(ContentType.TEXT, PASSAGES.get(4), 2)));
        List<String> texts = chunks.stream().map(Chunk::text).toList();
        List<long[]> ids = new ArrayList<>(chunks.stream().map(Chunk::tokenIds).toList());
        assertThat(ids).hasSizeGreaterThan(4).doesNotContainNull();
        ids.set(1, null); // unknown: the embedder tokenizes this one itself

        for (BgeSmallEmbedder e : List.of(embedder, batched)) {
            List<float[]> fromTexts = e.embedPassages(texts);
            List<float[]> fromIds = e.embedTokenized(texts, ids);

            assertThat(fromIds).hasSameSizeAs(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(fromIds.get(i)).as("batch size %d, chunk %d", e.options().batchSize(), i)
                        .containsExactly(fromTexts.get(i));
            }
        }
    }

    @Test
    void should_reject_given_token_ids_over_the_limit_with_the_same_error_as_for_texts() {
        long[] tooMany = embedder.tokenizer().ids("word ".repeat(511));
        assertThat(tooMany).hasSize(511);

        assertThatThrownBy(() -> batched.embedTokenized(List.of("short", "word ".repeat(511)),
                Arrays.asList(null, tooMany)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passage 1 has 511 tokens, more than the 510 bge-small-en-v1.5 accepts; split it first (chunk.size)");
        assertThatThrownBy(() -> batched.embedTokenized(List.of("short", "word ".repeat(511)), Arrays.asList(null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passage 1 has 511 tokens, more than the 510 bge-small-en-v1.5 accepts; split it first (chunk.size)");
    }

    @Test
    void should_reject_token_ids_that_do_not_pair_up_with_the_passages() {
        assertThatThrownBy(() -> embedder.embedTokenized(List.of("one", "two"), Arrays.asList((long[]) null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 passages but 1 token id arrays");
    }
}
