package io.milvusingest.report;

import io.milvusingest.model.DocumentResult;
import io.milvusingest.model.IngestException;
import io.milvusingest.pipeline.ProgressListener;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The durable record of one run (NeMo Retriever's {@code return_failures}, kept on disk): a JSON Lines file,
 * {@code <dir>/<kind>-<UTC time>.jsonl}, with one object per input, appended and flushed as each input ends
 * (so a crashed run still leaves its record), then a last {@code {"summary": ...}} line on close.
 *
 * <p>Input lines: {@code status} "ingested" with {@code pages}, {@code chunks}, {@code tokens}, {@code rows},
 * {@code rows_deleted} and per-stage {@code ms}; or "failed" with {@code kind}, {@code stage}, {@code page},
 * {@code message}. Thread-safe.
 */
public final class RunReport implements ProgressListener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final BufferedWriter out;
    private final RunSummary summary = new RunSummary();

    private RunReport(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * @param kind what ran, e.g. {@code files}, {@code run}, {@code sync}; starts the file name
     * @throws UncheckedIOException when the folder or file cannot be created
     */
    public static RunReport open(Path dir, String kind) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(kind + "-" + STAMP.format(Instant.now()) + ".jsonl");
            return new RunReport(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run report in " + dir, e);
        }
    }

    /** @return the report file */
    public Path file() {
        return file;
    }

    @Override
    public void succeeded(DocumentResult r) {
        summary.succeeded(r);
        ObjectNode line = entry(r.source().sourceName(), r.source().sourceId(), "ingested");
        line.put("pages", r.pages()).put("chunks", r.chunks()).put("tokens", r.tokens()).put("rows", r.rows()).put("rows_deleted", r.stale());
        line.putObject("ms").put("extract", r.timings().extractMs()).put("split", r.timings().splitMs())
                .put("embed", r.timings().embedMs()).put("upload", r.timings().uploadMs());
        append(line);
    }

    @Override
    public void failed(String name, Throwable error) {
        FailureRecord f = FailureRecord.of(name, error instanceof IngestException ie ? ie.source() : null, error, 1);
        summary.failed(f.kind());
        ObjectNode line = entry(name, f.source(), "failed");
        line.put("kind", f.kind().name()).put("stage", f.stage()).put("message", f.message());
        if (f.page() != null) {
            line.put("page", f.page());
        }
        append(line);
    }

    /** Appends the summary line and closes the file. */
    @Override
    public synchronized void close() {
        ObjectNode line = JSON.createObjectNode();
        line.putObject("summary").put("ingested", summary.okCount()).put("failed", summary.failedCount())
                .put("chunks", summary.chunks()).put("tokens", summary.tokens())
                .put("text", summary.describe());
        append(line);
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the run report " + file, e);
        }
    }

    private static ObjectNode entry(String name, String source, String status) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString()).put("file", name).put("source", source).put("status", status);
        return line;
    }

    private synchronized void append(ObjectNode line) {
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report " + file, e);
        }
    }
}
