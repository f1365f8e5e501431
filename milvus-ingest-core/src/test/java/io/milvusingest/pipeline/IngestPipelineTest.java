package io.milvusingest.pipeline;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;

import io.milvusingest.model.SourceDocument;

import io.milvusingest.model.Chunk;
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
