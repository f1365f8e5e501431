package io.milvusingest.camel;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.apache.camel.Message;
import org.apache.camel.component.file.GenericFile;

/**
 * Turns a message into the {@link SourceDocument} to ingest, and names the source a message is about. Files are
 * read where they are; an InputStream, byte[] or String body is copied to a temporary file (deleted by
 * {@link Doc#close()}) named like the source, since extraction picks the format by extension.
 */
final class DocumentBodies {
    private DocumentBodies() {
    }

    /** The document, and the temporary copy to delete afterwards (null for a file read in place). */
    record Doc(SourceDocument source, Path temporary) implements AutoCloseable {
        @Override
        public void close() {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    temporary.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * @throws IngestException UNSUPPORTED (stage EXTRACT) for a body of another type, or bytes without a source id
     */
    static Doc document(Message in) {
        Object body = in.getBody();
        String id = in.getHeader(MilvusIngestConstants.SOURCE_ID, String.class);
        if (body instanceof SourceDocument d) {
            return new Doc(d, null);
        }
        Path file = body instanceof GenericFile<?> g && g.getFile() instanceof File f ? f.toPath()
                : body instanceof File f ? f.toPath() : body instanceof Path p ? p : null;
        if (file != null) {
            SourceDocument d = SourceDocument.ofFile(file);
            return new Doc(id == null ? d : new SourceDocument(d.path(), id, d.sourceName(), d.sizeBytes(),
                    d.lastModified()), null);
        }
        if (id == null) {
            id = s3Id(in);
        }
        if (id == null) {
            throw IngestException.of(ErrorKind.UNSUPPORTED, Stage.EXTRACT, "a "
                    + (body == null ? "null" : body.getClass().getSimpleName()) + " body needs the header "
                    + MilvusIngestConstants.SOURCE_ID + " (or CamelAwsS3Key) to name its source").build();
        }
        String name = id.substring(id.lastIndexOf('/') + 1);
        try {
            Path temp = Files.createTempFile("milvus-ingest-", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
            if (body instanceof InputStream s) {
                Files.copy(s, temp, StandardCopyOption.REPLACE_EXISTING);
            } else if (body instanceof byte[] b) {
                Files.write(temp, b);
            } else if (body instanceof String s) {
                Files.writeString(temp, s, StandardCharsets.UTF_8);
            } else {
                Files.delete(temp);
                throw new IngestException(ErrorKind.UNSUPPORTED, Stage.EXTRACT, id, "cannot ingest a body of type "
                        + (body == null ? "null" : body.getClass().getName())
                        + ": send a file, Path, InputStream, byte[] or String");
            }
            return new Doc(new SourceDocument(temp, id, name, Files.size(temp), Instant.now()), temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the body of " + id + " to a temporary file", e);
        }
    }

    /** @return the source a delete names: the source id header, a file header, or the S3 key; null if none */
    static String sourceId(Message in) {
        String id = in.getHeader(MilvusIngestConstants.SOURCE_ID, String.class);
        if (id == null) {
            String path = in.getHeader("CamelFileAbsolutePath", String.class);
            id = path != null ? Path.of(path).toAbsolutePath().normalize().toString() : s3Id(in);
        }
        return id;
    }

    private static String s3Id(Message in) {
        String key = in.getHeader(MilvusIngestConstants.S3_KEY, String.class);
        String bucket = in.getHeader(MilvusIngestConstants.S3_BUCKET, String.class);
        return key == null ? null : "s3://" + (bucket == null ? "" : bucket) + "/" + key;
    }
}
