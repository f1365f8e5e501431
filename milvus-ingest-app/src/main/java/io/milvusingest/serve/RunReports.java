package io.milvusingest.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The latest run-report line of each source ({@code ingest.report-dir/*.jsonl}, see
 * {@link io.milvusingest.report.RunReport}), read on each call: what {@code bin/ingest files}, {@code run} and
 * {@code sync} last did with it. Unreadable lines are skipped.
 */
public final class RunReports {
    /**
     * @param source  the source id (full path or URI), or the file name when the report has none
     * @param status  {@code ingested} or {@code failed}
     * @param time    ISO-8601 UTC time the input ended
     * @param kind    error kind of a failure (e.g. CORRUPT), else null
     * @param stage   stage of a failure, else null
     * @param message message of a failure, else null
     */
    public record Entry(String source, String file, String status, String time, String kind, String stage,
                        String message) {
    }

    private final Path dir;

    public RunReports(Path dir) {
        this.dir = dir;
    }

    /** @return source → its latest entry, in no particular order */
    public Map<String, Entry> latest() {
        Map<String, Entry> latest = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return latest;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : lines(f)) {
                    Entry e = parse(line);
                    if (e != null) {
                        latest.merge(e.source(), e, (a, b) -> a.time().compareTo(b.time()) >= 0 ? a : b);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the run reports in " + dir, e);
        }
        return latest;
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            return List.of(); // a report being rotated or removed: the next call reads it
        }
    }

    private static Entry parse(String line) {
        try {
            JsonNode n = HttpExchanges.JSON.readTree(line);
            if (!n.hasNonNull("status") || !n.hasNonNull("time")) {
                return null; // the summary line
            }
            String source = n.hasNonNull("source") ? n.get("source").asText() : n.path("file").asText();
            return new Entry(source, n.path("file").asText(null), n.get("status").asText(), n.get("time").asText(),
                    n.path("kind").asText(null), n.path("stage").asText(null), n.path("message").asText(null));
        } catch (IOException e) {
            return null;
        }
    }
}
