package io.milvusingest.bulk;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local import files of one job, written as rows arrive: a file is closed once it reaches
 * {@code fileMaxBytes} (Milvus accepts at most 16 GB per file) and the next row starts a new one. Memory per job
 * is one open file's buffer (a Parquet row group, or 64 KB for JSON). {@link #close()} deletes the folder.
 * Not thread-safe.
 */
public final class StagedImport implements AutoCloseable {
    /** Milvus's limit of files per import request; a job is full, and must be imported, at this many files. */
    public static final int MAX_FILES = 1024;

    private final ImportLayout layout;
    private final String format;
    private final Path dir;
    private final long fileMaxBytes;
    private final List<Path> files = new ArrayList<>();
    private ImportFileWriter current;
    private long rows;

    /** @param dir an empty folder owned by this job */
    public StagedImport(ImportLayout layout, String format, Path dir, long fileMaxBytes) {
        this.layout = layout;
        this.format = format;
        this.dir = dir;
        this.fileMaxBytes = fileMaxBytes;
    }

    /** Appends a row (SDK row shape; see {@link ImportLayout#shape}). @throws UncheckedIOException on disk errors */
    public void add(JsonObject row) {
        try {
            if (current == null) {
                current = ImportFileWriter.create(format, layout, dir, "part-" + files.size());
            }
            current.write(layout.shape(row));
            rows++;
            if (current.bytes() >= fileMaxBytes) {
                finishFile();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing import file in " + dir, e);
        }
    }

    /** @return rows added */
    public long rows() {
        return rows;
    }

    /**
     * @return true when the job holds {@code MAX_FILES - 1} finished files: it must be imported before the next
     *     document, so that the open file and one more document's rows stay within {@link #MAX_FILES} files
     */
    public boolean full() {
        return files.size() >= MAX_FILES - 1;
    }

    /** Finishes the open file. @return all finished files, in order */
    public List<Path> finish() {
        try {
            finishFile();
        } catch (IOException e) {
            throw new UncheckedIOException("finishing import file in " + dir, e);
        }
        return List.copyOf(files);
    }

    private void finishFile() throws IOException {
        if (current != null) {
            current.close();
            files.add(current.path());
            current = null;
        }
    }

    /** Closes any open file and deletes the job's local folder. */
    @Override
    public void close() {
        try {
            if (current != null) {
                current.close();
            }
        } catch (IOException ignored) {
            // the folder is deleted below
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder
        }
    }
}
