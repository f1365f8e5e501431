package io.milvusingest.sync;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams an object's bytes to a temporary file, 64 KiB at a time, so no object is ever held in memory. */
public final class ObjectDownload {
    private static final int BUFFER_BYTES = 64 * 1024;

    private ObjectDownload() {
    }

    /**
     * Copies {@code in} to a new temp file named after the object (its extension kept) and closes {@code in}.
     *
     * @param maxBytes the copy stops, and the file is deleted, once more than this many bytes arrived (the
     *                 listed size is checked before the GET; this guards against an object replaced meanwhile)
     * @return the temp file; the caller deletes it
     * @throws IngestException TOO_LARGE past maxBytes; STORE_UNAVAILABLE (transient) when the stream breaks or
     *                         the local disk refuses
     */
    public static Path toTempFile(InputStream in, BucketObject object, long maxBytes) {
        Path file = null;
        try (InputStream body = in) {
            file = Files.createTempFile("milvus-ingest-sync-", "-" + safeName(object.name()));
            long total = 0;
            byte[] buffer = new byte[BUFFER_BYTES];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge(object, maxBytes, "more than " + maxBytes + " bytes arrived");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.EXTRACT, "reading the object failed: " + e)
                    .source(object.sourceId()).cause(e).build();
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** @return the TOO_LARGE failure for an object over {@code ingest.max-bytes} */
    public static IngestException tooLarge(BucketObject object, long maxBytes, String detail) {
        return IngestException.of(ErrorKind.TOO_LARGE, Stage.EXTRACT, detail + "; ingest.max-bytes=" + maxBytes)
                .source(object.sourceId()).build();
    }

    public static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file: the OS cleans it eventually
            }
        }
    }

    /** Keeps the file name usable in a temp file name (keys may contain anything); the extension survives. */
    private static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
    }
}
