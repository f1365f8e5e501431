package io.milvusingest.pipeline;

import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.StageTimings;
import io.milvusingest.model.UploadResult;

import io.milvusingest.model.EmbeddedDocument;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;

import io.milvusingest.model.Chunk;
import io.milvusingest.chunk.OutlineChunking;
import io.milvusingest.chunk.TokenChunker;
import io.milvusingest.embed.Embedder;
import io.milvusingest.model.Extraction;
import io.milvusingest.extract.Extractor;
import io.milvusingest.extract.UploadOptions;
import java.util.List;

/**
 * The core pipeline, Camel-free: extract, split, embed, upload. Each stage method classifies its failures
 * as {@link IngestException}; the Camel route ({@code direct:ingest}) calls the same methods one processor
 * per stage, and {@link #ingest(SourceDocument)} runs them in a row for plain Java callers.
 */
public final class IngestPipeline {
    private final Extractor extractor;
    private final TokenChunker chunker;
    private final Embedder embedder;
    private final DocumentWriter writer;
    private final UploadOptions upload;
    private final List<ExtractionStep> steps;
    private final OutlineChunking outlineChunking;

    /** A pipeline that uploads every element type. */
    public IngestPipeline(Extractor extractor, TokenChunker chunker, Embedder embedder, DocumentWriter writer) {
        this(extractor, chunker, embedder, writer, UploadOptions.ALL, List.of());
    }

    /**
     * @param upload which element types are chunked, embedded and written ({@code upload.enable-*})
     * @param steps  run in order on each extraction (captions, then the store task)
     */
    public IngestPipeline(Extractor extractor, TokenChunker chunker, Embedder embedder, DocumentWriter writer,
                          UploadOptions upload, List<ExtractionStep> steps) {
        this(extractor, chunker, embedder, writer, upload, steps, OutlineChunking.OFF);
    }

    private IngestPipeline(Extractor extractor, TokenChunker chunker, Embedder embedder, DocumentWriter writer,
                           UploadOptions upload, List<ExtractionStep> steps, OutlineChunking outlineChunking) {
        this.outlineChunking = outlineChunking;
        this.extractor = extractor;
        this.chunker = chunker;
        this.embedder = embedder;
        this.writer = writer;
        this.upload = upload;
        this.steps = List.copyOf(steps);
    }

    /**
     * Extracts the document, then runs the {@link ExtractionStep}s (captions, the store task).
     *
     * @throws IngestException stage EXTRACT (CORRUPT, ENCRYPTED, EMPTY, UNSUPPORTED, ...), or the failing step's
     *                         (e.g. STORE: STORE_UNAVAILABLE, UNSUPPORTED)
     */
    public Extraction extract(SourceDocument doc) {
        try {
            Extraction extraction = extractor.extract(doc);
            for (ExtractionStep step : steps) {
                extraction = step.apply(doc, extraction);
            }
            return extraction;
        } catch (IngestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IngestException(ErrorKind.INTERNAL, Stage.EXTRACT, doc.sourceId(), null, String.valueOf(e), e);
        }
    }

    /**
     * Chunks the elements the upload flags accept; elements without text (images without OCR text or caption)
     * yield no chunk. The document's outline adds each chunk's context and cuts at headings when those are on
     * ({@link #withContextPrefix}, {@link #withHeadingCuts}).
     *
     * @throws IngestException EMPTY when no chunk comes out (only whitespace, or every type disabled)
     */
    public List<Chunk> split(SourceDocument doc, Extraction extraction) {
        List<Chunk> chunks = outlineChunking.split(chunker, upload.filter(extraction.elements()), extraction.outline());
        if (chunks.isEmpty()) {
            throw new IngestException(ErrorKind.EMPTY, Stage.SPLIT, doc.sourceId(), "no text to index");
        }
        return chunks;
    }

    /**
     * Embeds each chunk's {@link Chunk#embeddingText(int)}: with its context prefixed when it has one that fits the
     * model. The stored text stays the chunk text.
     *
     * @throws IngestException EMBEDDING_FAILED
     */
    public EmbeddedDocument embed(SourceDocument doc, int pages, List<Chunk> chunks) {
        List<float[]> vectors;
        try {
            // the whole document in one call: the embedder sizes its own inference batches (embed.batch-size)
            // and the chunker's token ids, so the chunks are not tokenized a second time
            int max = embedder.maxTokens();
            vectors = embedder.embedTokenized(chunks.stream().map(c -> c.embeddingText(max)).toList(),
                    chunks.stream().map(c -> c.embeddingTokenIds(max)).toList()); // toList keeps nulls (ids unknown)
        } catch (IngestException e) {
            if (e.source() == null) {
                throw new IngestException(e.kind(), e.stage(), doc.sourceId(), e.page(), e.getMessage(), e.getCause());
            }
            throw e;
        } catch (RuntimeException e) {
            throw new IngestException(ErrorKind.EMBEDDING_FAILED, Stage.EMBED, doc.sourceId(), null, String.valueOf(e), e);
        }
        return new EmbeddedDocument(doc, pages, chunks, vectors);
    }

    /** @throws IngestException STORE_UNAVAILABLE */
    public UploadResult upload(EmbeddedDocument doc) {
        return writer.write(doc);
    }

    /** @return the embedder */
    public Embedder embedder() {
        return embedder;
    }

    /**
     * @return this pipeline with another embedder, e.g. the same model spread over a thread pool
     *     ({@link io.milvusingest.embed.ParallelEmbedder})
     */
    public IngestPipeline withEmbedder(Embedder other) {
        return new IngestPipeline(extractor, chunker, other, writer, upload, steps, outlineChunking);
    }

    /**
     * @param on whether chunks are embedded with their document title and section heading prefixed
     *           ({@code embed.context-prefix}); the stored text never has it
     * @return this pipeline with the context prefix on or off
     */
    public IngestPipeline withContextPrefix(boolean on) {
        return new IngestPipeline(extractor, chunker, embedder, writer, upload, steps,
                new OutlineChunking(on, outlineChunking.byHeading()));
    }

    /**
     * @param on whether page text is cut at the headings starting on its page before it is chunked
     *           ({@code chunk.by-heading})
     * @return this pipeline with cuts at headings on or off
     */
    public IngestPipeline withHeadingCuts(boolean on) {
        return new IngestPipeline(extractor, chunker, embedder, writer, upload, steps,
                new OutlineChunking(outlineChunking.contextPrefix(), on));
    }

    /** Runs all stages on one document. @throws IngestException on the first failing stage */
    public DocumentResult ingest(SourceDocument doc) {
        long t0 = System.nanoTime();
        Extraction extraction = extract(doc);
        long t1 = System.nanoTime();
        List<Chunk> chunks = split(doc, extraction);
        long t2 = System.nanoTime();
        EmbeddedDocument embedded = embed(doc, extraction.pages(), chunks);
        long t3 = System.nanoTime();
        UploadResult written = upload(embedded);
        long t4 = System.nanoTime();
        return new DocumentResult(doc, extraction.pages(), chunks.size(), Chunk.tokens(chunks), written.rowsUpserted(),
                written.rowsDeleted(),
                new StageTimings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3)));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
