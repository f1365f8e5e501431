package io.milvusingest.pipeline;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;

import io.milvusingest.model.SourceDocument;

import io.milvusingest.model.Chunk;
import io.milvusingest.chunk.OutlineChunking;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.embed.BgeSmallEmbedder;
import io.milvusingest.embed.ModelTokenizer;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;
import io.milvusingest.extract.UploadOptions;
import io.milvusingest.milvus.HashingTestEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IngestPipelineTest {
    private static ModelTokenizer tokenizer;
    private final SourceDocument doc = new SourceDocument(Path.of("/in/a.pdf"), "/in/a.pdf", "a.pdf", 1, Instant.EPOCH);
    private final Extraction extraction = new Extraction(List.of(
            new Element(ContentType.TEXT, "Page one text.", 1),
            new Element(ContentType.TABLE, "| a | b |\n| --- | --- |\n| 1 | 2 |", 1),
            new Element(ContentType.IMAGE, "Chart: costs by gadget", 1),
            new Element(ContentType.IMAGE, "", 2)), 2);

    @BeforeAll
    static void load() {
        tokenizer = ModelTokenizer.bgeSmallEnV15();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private IngestPipeline pipeline(UploadOptions upload, List<ExtractionStep> steps) {
        TokenChunker chunker = new TokenChunker(tokenizer, 64, 8, BgeSmallEmbedder.MAX_TOKENS,
                BgeSmallEmbedder.MODEL_NAME);
        return IngestPipeline.builder().extractor(d -> extraction).chunker(chunker).embedder(new HashingTestEmbedder(8))
                .writer(d -> null).upload(upload).steps(steps).build();
    }

    @Test
    void should_chunk_every_element_with_text_when_everything_is_uploaded() {
        List<Chunk> chunks = pipeline(UploadOptions.ALL, List.of()).split(doc, extraction);

        assertThat(chunks).extracting(Chunk::type)
                .containsExactly(ContentType.TEXT, ContentType.TABLE, ContentType.IMAGE); // the textless image: none
        assertThat(chunks.get(1).element()).isSameAs(extraction.elements().get(1));
    }

    /** Records what it is asked to embed; its vectors are zeros (the test is about the inputs). */
    private static final class RecordingEmbedder implements io.milvusingest.embed.Embedder {
        final List<String> texts = new ArrayList<>();
        final List<long[]> ids = new ArrayList<>();
        final int maxTokens;

        RecordingEmbedder(int maxTokens) {
            this.maxTokens = maxTokens;
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            return embedTokenized(passages, java.util.Collections.nCopies(passages.size(), null));
        }

        @Override
        public List<float[]> embedTokenized(List<String> passages, List<long[]> tokenIds) {
            texts.addAll(passages);
            ids.addAll(tokenIds);
            return passages.stream().map(p -> new float[4]).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            return new float[4];
        }

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public int maxTokens() {
            return maxTokens;
        }

        @Override
        public String modelName() {
            return "recording";
        }
    }

    @Test
    void should_embed_the_title_and_heading_before_the_text_but_store_the_text_alone_when_the_prefix_is_on() {
        Extraction withOutline = new Extraction(List.of(new Element(ContentType.TEXT, "Page one text.", 1)), 1,
                io.milvusingest.model.DocumentOutline.ofPaths("Guide", java.util.Map.of(1, "Intro")));
        TokenChunker chunker = new TokenChunker(tokenizer, 64, 8, BgeSmallEmbedder.MAX_TOKENS, BgeSmallEmbedder.MODEL_NAME);
        RecordingEmbedder roomy = new RecordingEmbedder(BgeSmallEmbedder.MAX_TOKENS);
        IngestPipeline on = IngestPipeline.builder().extractor(d -> withOutline).chunker(chunker).embedder(roomy)
                .writer(d -> null).outlineChunking(new OutlineChunking(true, false)).build();

        List<Chunk> chunks = on.split(doc, withOutline);
        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("Page one text.");
            assertThat(c.context()).isEqualTo("Guide > Intro");
        });
        assertThat(on.embed(doc, 1, chunks).chunks().get(0).text()).isEqualTo("Page one text.");
        assertThat(roomy.texts).containsExactly("Guide > Intro\nPage one text.");
        assertThat(roomy.ids).containsExactly((long[]) null); // re-tokenized with the prefix

        // 4 text tokens + 13 context characters + the newline do not fit a 10-token model: the text alone
        RecordingEmbedder tight = new RecordingEmbedder(10);
        on.toBuilder().embedder(tight).build().embed(doc, 1, chunks);
        assertThat(tight.texts).containsExactly("Page one text.");
        assertThat(tight.ids.get(0)).isNotNull();

        RecordingEmbedder off = new RecordingEmbedder(BgeSmallEmbedder.MAX_TOKENS);
        IngestPipeline plain = IngestPipeline.builder().extractor(d -> withOutline).chunker(chunker).embedder(off)
                .writer(d -> null).build();
        List<Chunk> unprefixed = plain.split(doc, withOutline);
        plain.embed(doc, 1, unprefixed);
        assertThat(off.texts).containsExactly("Page one text.");
        // the heading path is kept for content_metadata whatever the switches
        assertThat(unprefixed).extracting(Chunk::headingPath).containsExactly("Intro");
        assertThat(chunks).extracting(Chunk::headingPath).containsExactly("Intro");
        Extraction noOutline = new Extraction(withOutline.elements(), 1);
        assertThat(plain.split(doc, noOutline)).extracting(Chunk::headingPath).containsOnlyNulls();
    }

    @Test
    void should_cut_page_text_at_its_headings_number_chunks_over_the_document_and_embed_each_part_with_its_heading() {
        var soil = new io.milvusingest.model.DocumentOutline.Heading("1 Soil", "1 Soil");
        var trees = new io.milvusingest.model.DocumentOutline.Heading("2 Trees", "2 Trees");
        Extraction book = new Extraction(List.of(
                new Element(ContentType.TEXT, "Cover page.", 1),
                new Element(ContentType.TEXT, "1 Soil\nSoil is alive.\n2 Trees\nPrune in winter.", 2)), 2,
                io.milvusingest.model.DocumentOutline.of("Guide", java.util.Map.of(2, List.of(soil, trees))));
        TokenChunker chunker = new TokenChunker(tokenizer, 64, 8, BgeSmallEmbedder.MAX_TOKENS, BgeSmallEmbedder.MODEL_NAME);
        IngestPipeline cut = IngestPipeline.builder().extractor(d -> book).chunker(chunker)
                .embedder(new RecordingEmbedder(BgeSmallEmbedder.MAX_TOKENS)).writer(d -> null)
                .outlineChunking(new OutlineChunking(false, true)).build();

        List<Chunk> plain = cut.split(doc, book);
        assertThat(plain).extracting(Chunk::text).containsExactly("Cover page.", "1 Soil\nSoil is alive.", "2 Trees\nPrune in winter.");
        assertThat(plain).extracting(Chunk::index).containsExactly(0, 1, 2);
        assertThat(plain).extracting(Chunk::context).containsOnlyNulls();
        assertThat(plain).extracting(Chunk::headingPath).containsExactly(null, "1 Soil", "2 Trees");

        assertThat(cut.toBuilder().outlineChunking(new OutlineChunking(true, true)).build().split(doc, book))
                .extracting(Chunk::context)
                .containsExactly("Guide", "Guide > 1 Soil", "Guide > 2 Trees");
    }

    @Test
    void should_chunk_only_the_types_the_upload_flags_enable() {
        List<Chunk> chunks = pipeline(new UploadOptions(false, true, false), List.of()).split(doc, extraction);

        assertThat(chunks).extracting(Chunk::type).containsExactly(ContentType.TABLE);
    }

    @Test
    void should_fail_as_EMPTY_at_split_when_every_type_is_disabled() {
        IngestException e = catchThrowableOfType(IngestException.class,
                () -> pipeline(new UploadOptions(false, false, false), List.of()).split(doc, extraction));

        assertThat(e.kind()).isEqualTo(ErrorKind.EMPTY);
        assertThat(e.stage()).isEqualTo(Stage.SPLIT);
    }

    @Test
    void should_run_the_extraction_steps_in_order_after_extracting() {
        List<String> calls = new ArrayList<>();
        ExtractionStep first = (d, x) -> {
            calls.add("caption");
            return new Extraction(List.of(x.elements().get(0).withText("captioned")), x.pages());
        };
        ExtractionStep second = (d, x) -> {
            calls.add("store saw " + x.elements().get(0).text());
            return x;
        };

        Extraction out = pipeline(UploadOptions.ALL, List.of(first, second)).extract(doc);

        assertThat(calls).containsExactly("caption", "store saw captioned");
        assertThat(out.elements()).extracting(Element::text).containsExactly("captioned");
    }

    /**
     * The embed stage hands the chunker's token ids to the model rather than tokenizing the texts again: a chunk
     * whose ids are (deliberately) another text's gets that other text's vector; a chunk without ids is
     * tokenized from its text.
     */
    @Test
    void should_embed_the_chunks_token_ids_instead_of_tokenizing_their_texts_again() {
        String said = "Photosynthesis converts light energy into chemical energy.";
        String meant = "Quarterly revenue grew 12% year over year.";
        long[] meantIds = tokenizer.ids(meant);
        List<Chunk> chunks = List.of(
                new Chunk(said, ContentType.TEXT, 1, 0, meantIds.length, null, meantIds),
                new Chunk(said, ContentType.TEXT, 1, 1, tokenizer.count(said)));

        try (BgeSmallEmbedder embedder = new BgeSmallEmbedder()) {
            IngestPipeline pipeline = pipeline(UploadOptions.ALL, List.of()).toBuilder().embedder(embedder).build();
            List<float[]> vectors = pipeline.embed(doc, 1, chunks).vectors();

            assertThat(vectors.get(0)).containsExactly(embedder.embedPassages(List.of(meant)).get(0));
            assertThat(vectors.get(1)).containsExactly(embedder.embedPassages(List.of(said)).get(0));
        }
    }
}
