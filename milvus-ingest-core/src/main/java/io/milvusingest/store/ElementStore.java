package io.milvusingest.store;

import io.milvusingest.config.StoreConfig;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.Extraction;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.pipeline.ExtractionStep;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.SourceDocument;
import io.milvusingest.model.Stage;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * NeMo Retriever's {@code store} task: writes a document's extracted images (their encoded bytes) and tables
 * (Markdown, {@code .md}) under {@code store.uri} as {@code {source basename}/{index}.{ext}}, where {@code index} is
 * the element's 0-based position in the document's extraction, and returns the elements with the URI written
 * ({@code file:///...} or {@code s3://bucket/prefix/...}), which goes into {@code content_metadata}
 * ({@code image_metadata.uploaded_image_url}, {@code table_metadata.uploaded_image_uri}).
 *
 * <p>{@code store.uri} is a local folder ({@code file:///absolute/folder}) or a bucket prefix
 * ({@code s3://bucket/prefix}, AWS SDK v2, {@code store.s3.*}). A source name that would leave the folder or the
 * prefix ({@code ..}, path separators, NUL) is refused. Re-ingesting a document overwrites its files. Thread-safe;
 * closing it closes the S3 client.
 */
public final class ElementStore implements ExtractionStep, AutoCloseable {
    private final StoreSink sink;
    private final boolean images;
    private final boolean tables;

    private ElementStore(StoreSink sink, boolean images, boolean tables) {
        this.sink = sink;
        this.images = images;
        this.tables = tables;
    }

    /**
     * @param config {@code store.*}
     * @return the store, or null when {@code store.uri} is blank
     * @throws IllegalArgumentException naming {@code store.uri} for another scheme or a relative path
     */
    public static ElementStore of(StoreConfig config) {
        if (config.s3()) {
            return new ElementStore(S3Sink.of(config), config.images(), config.tables());
        }
        return of(config.uri(), config.images(), config.tables());
    }

    /**
     * @param uri    {@code store.uri}: {@code file:///absolute/folder}; blank for no store task
     * @param images {@code store.images}: store image elements
     * @param tables {@code store.tables}: store table elements
     * @return the store, or null when {@code uri} is blank
     * @throws IllegalArgumentException naming {@code store.uri} for another scheme or a relative path
     */
    public static ElementStore of(String uri, boolean images, boolean tables) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        URI parsed;
        try {
            parsed = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("store.uri='" + uri + "' is not a URI", e);
        }
        if (!"file".equals(parsed.getScheme()) || parsed.getPath() == null || !parsed.getPath().startsWith("/")) {
            throw new IllegalArgumentException("store.uri='" + uri + "' must be file:///absolute/folder"
                    + " (or s3://bucket/prefix, with the store.s3.* settings)");
        }
        return new ElementStore(new FolderSink(Path.of(parsed).normalize()), images, tables);
    }

    /**
     * @return the extraction with stored elements carrying their URI; other elements unchanged
     * @throws IngestException UNSUPPORTED/STORE when the source name would escape the folder or prefix;
     *                         STORE_UNAVAILABLE/STORE when it cannot be written (retried)
     */
    @Override
    public Extraction apply(SourceDocument document, Extraction extraction) {
        String folder = folderOf(document);
        List<Element> out = new ArrayList<>(extraction.elements().size());
        for (int i = 0; i < extraction.elements().size(); i++) {
            Element e = extraction.elements().get(i);
            byte[] bytes = bytes(e);
            if (bytes == null) {
                out.add(e);
                continue;
            }
            String key = folder + "/" + i + "." + (e.type() == ContentType.TABLE ? "md" : e.image().format());
            try {
                out.add(e.withStoredUri(sink.put(key, bytes)));
            } catch (IOException | RuntimeException ex) {
                throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.STORE, "cannot store " + key + " in "
                        + sink.describe() + ": " + ex.getMessage()).source(document.sourceId()).page(e.pageNumber())
                        .cause(ex).build();
            }
        }
        return extraction.withElements(List.copyOf(out));
    }

    private byte[] bytes(Element e) {
        if (images && (e.type() == ContentType.IMAGE || e.type() == ContentType.CHART) && e.image() != null) {
            return e.image().bytes();
        }
        if (tables && e.type() == ContentType.TABLE) {
            return e.text().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** The document's folder (or key prefix) under the root: its basename, checked not to climb out. */
    String folderOf(SourceDocument document) {
        String name = document.sourceName();
        boolean unsafe = name == null || name.isBlank() || name.equals(".") || name.equals("..")
                || name.contains("/") || name.contains("\\") || name.indexOf(0) >= 0;
        if (unsafe) {
            throw IngestException.of(ErrorKind.UNSUPPORTED, Stage.STORE, "source name '" + name
                    + "' would escape the store " + sink.describe()).source(document.sourceId()).build();
        }
        return name;
    }

    @Override
    public void close() {
        sink.close();
    }
}
