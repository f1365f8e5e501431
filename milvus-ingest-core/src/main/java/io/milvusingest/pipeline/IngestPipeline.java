package io.milvusingest.pipeline;

import io.milvusingest.chunk.OutlineChunking;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.embed.Embedder;
import io.milvusingest.extract.Extractor;
import io.milvusingest.extract.UploadOptions;
import io.milvusingest.model.Chunk;
import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import io.milvusingest.model.StageTimings;
import io.milvusingest.model.UploadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ingest pipeline, Camel-free, and the only place a document goes extract, extraction steps (captions, the
 * store task), split, embed and upload: {@link #ingest(SourceDocument)} runs the stages in a row, times each and
 * builds the {@link DocumentResult}. Built in the style of LangChain4j's {@code EmbeddingStoreIngestor.builder()}:
 * <pre>{@code
 * IngestPipeline pipeline = IngestPipeline.builder()
 *         .extractor(extractor).steps(steps).chunker(chunker).embedder(embedder).writer(writer).build();
 * DocumentResult result = pipeline.ingest(SourceDocument.ofFile(path));
 * }</pre>
 * Thread-safe when its stages are: the app and the Camel component call {@link #ingest} from several threads.
 */
public final class IngestPipeline {
    private final Extractor extractor;
    private final List<ExtractionStep> steps;
    private final TokenChunker chunker;
    private final Embedder embedder;
    private final DocumentWriter writer;
    private final UploadOptions upload;
    private final OutlineChunking outlineChunking;

    private IngestPipeline(Builder b) {
        this.extractor = Objects.requireNonNull(b.extractor, "extractor");
        this.steps = List.copyOf(b.steps);
        this.chunker = Objects.requireNonNull(b.chunker, "chunker");
        this.embedder = Objects.requireNonNull(b.embedder, "embedder");
        this.writer = Objects.requireNonNull(b.writer, "writer");
        this.upload = Objects.requireNonNull(b.upload, "upload");
        this.outlineChunking = Objects.requireNonNull(b.outlineChunking, "outlineChunking");
    }

    /** @return a builder; extractor, chunker, embedder and writer are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this pipeline's stages, e.g. to swap the embedder for a parallel one */
    public Builder toBuilder() {
        return new Builder().extractor(extractor).steps(steps).chunker(chunker).embedder(embedder).writer(writer)
                .upload(upload).outlineChunking(outlineChunking);
    }

    /**
     * Runs all stages on one document.
     *
     * @return pages, chunks, tokens, rows written and removed, and each stage's wall time in ms
     * @throws IngestException classified, from the first failing stage: EXTRACT (CORRUPT, ENCRYPTED, EMPTY,
     *                         UNSUPPORTED, TOO_LARGE, ...), a step's stage (CAPTION, STORE), SPLIT (EMPTY),
     *                         EMBED (EMBEDDING_FAILED) or UPLOAD (STORE_UNAVAILABLE, transient)
     */
    public DocumentResult ingest(SourceDocument doc) {
        long t0 = System.nanoTime();
        Extraction extraction = extract(doc);
        long t1 = System.nanoTime();
        List<Chunk> chunks = split(doc, extraction);
        long t2 = System.nanoTime();
        EmbeddedDocument embedded = embed(doc, extraction.pages(), chunks);
        long t3 = System.nanoTime();
        UploadResult written = writer.write(embedded);
        long t4 = System.nanoTime();
        return new DocumentResult(doc, extraction.pages(), chunks.size(), Chunk.tokens(chunks), written.rowsUpserted(),
                written.rowsDeleted(), new StageTimings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3)));
    }

    /** @return the embedder the embed stage calls */
    public Embedder embedder() {
        return embedder;
    }

    /** Extracts, then runs the {@link ExtractionStep}s in order. */
    Extraction extract(SourceDocument doc) {
        try {
            Extraction extraction = extractor.extract(doc);
            for (ExtractionStep step : steps) {
                extraction = step.apply(doc, extraction);
            }
            return extraction;
        } catch (IngestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw IngestException.of(ErrorKind.INTERNAL, Stage.EXTRACT, String.valueOf(e))
                    .source(doc.sourceId()).cause(e).build();
        }
    }

    /**
     * Chunks the elements the upload flags accept; elements without text (images without OCR text or caption)
     * yield no chunk. The document's outline adds each chunk's context and cuts at headings when those are on
     * ({@link Builder#outlineChunking}). EMPTY when no chunk comes out (only whitespace, or every type disabled).
     */
    List<Chunk> split(SourceDocument doc, Extraction extraction) {
        List<Chunk> chunks = outlineChunking.split(chunker, upload.filter(extraction.elements()), extraction.outline());
        if (chunks.isEmpty()) {
            throw new IngestException(ErrorKind.EMPTY, Stage.SPLIT, doc.sourceId(), "no text to index");
        }
        return chunks;
    }

    /** Embeds each chunk's {@link Chunk#embeddingText(int)} (its context prefixed when it has one that fits). */
    EmbeddedDocument embed(SourceDocument doc, int pages, List<Chunk> chunks) {
        List<float[]> vectors;
        try {
            // the whole document in one call: the embedder sizes its own inference batches (embed.batch-size)
            // and the chunker's token ids, so the chunks are not tokenized a second time
            int max = embedder.maxTokens();
            vectors = embedder.embedTokenized(chunks.stream().map(c -> c.embeddingText(max)).toList(),
                    chunks.stream().map(c -> c.embeddingTokenIds(max)).toList()); // toList keeps nulls (ids unknown)
        } catch (IngestException e) {
            if (e.source() == null) {
                throw IngestException.of(e.kind(), e.stage(), e.getMessage()).source(doc.sourceId()).page(e.page())
                        .cause(e.getCause()).build();
            }
            throw e;
        } catch (RuntimeException e) {
            throw IngestException.of(ErrorKind.EMBEDDING_FAILED, Stage.EMBED, String.valueOf(e))
                    .source(doc.sourceId()).cause(e).build();
        }
        return new EmbeddedDocument(doc, pages, chunks, vectors);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** Collects the stages of an {@link IngestPipeline}. Not thread-safe. */
    public static final class Builder {
        private Extractor extractor;
        private final List<ExtractionStep> steps = new ArrayList<>();
        private TokenChunker chunker;
        private Embedder embedder;
        private DocumentWriter writer;
        private UploadOptions upload = UploadOptions.ALL;
        private OutlineChunking outlineChunking = OutlineChunking.OFF;

        private Builder() {
        }

        /** @param extractor reads a document's elements (required) */
        public Builder extractor(Extractor extractor) {
            this.extractor = extractor;
            return this;
        }

        /** @param steps replace the steps run in order on each extraction (captions, then the store task) */
        public Builder steps(List<ExtractionStep> steps) {
            this.steps.clear();
            this.steps.addAll(steps);
            return this;
        }

        /** @param chunker splits elements into token chunks (required) */
        public Builder chunker(TokenChunker chunker) {
            this.chunker = chunker;
            return this;
        }

        /** @param embedder embeds the chunks (required) */
        public Builder embedder(Embedder embedder) {
            this.embedder = embedder;
            return this;
        }

        /** @param writer the upload stage (required) */
        public Builder writer(DocumentWriter writer) {
            this.writer = writer;
            return this;
        }

        /** @param upload which element types are chunked, embedded and written; default every type */
        public Builder upload(UploadOptions upload) {
            this.upload = upload;
            return this;
        }

        /**
         * @param outlineChunking whether chunks carry their title and heading as embedding context
         *                        ({@code embed.context-prefix}) and page text is cut at headings first
         *                        ({@code chunk.by-heading}); default neither
         */
        public Builder outlineChunking(OutlineChunking outlineChunking) {
            this.outlineChunking = outlineChunking;
            return this;
        }

        /** @throws NullPointerException naming the first required stage not given */
        public IngestPipeline build() {
            return new IngestPipeline(this);
        }
    }
}
