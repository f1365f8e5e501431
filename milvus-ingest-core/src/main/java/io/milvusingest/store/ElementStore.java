package io.milvusingest.store;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * NeMo Retriever's {@code store} task for a local folder: writes a document's extracted images (their encoded
 * bytes) and tables (Markdown, {@code .md}) to {@code {store.uri}/{source basename}/{index}.{ext}}, where
 * {@code index} is the element's 0-based position in the document's extraction, and returns the elements with
 * their {@code file:} URI, which goes into {@code content_metadata} ({@code image_metadata.uploaded_image_url},
 * {@code table_metadata.uploaded_image_uri}).
 *
 * <p>Only {@code file:///absolute/folder} URIs are supported; {@code s3://} is not implemented here. A source
 * name that would leave the folder ({@code ..}, path separators, absolute) is rejected. Re-ingesting a document
 * overwrites its files. Thread-safe.
 */
public final class ElementStore implements ExtractionStep {
    private final Path root;
    private final boolean images;
    private final boolean tables;

    private ElementStore(Path root, boolean images, boolean tables) {
        this.root = root;
        this.images = images;
        this.tables = tables;
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
                    + " (s3:// is not supported yet)");
        }
        return new ElementStore(Path.of(parsed).normalize(), images, tables);
    }

    /**
     * @return the extraction with stored elements carrying their URI; other elements unchanged
     * @throws IngestException UNSUPPORTED/STORE when the source name would escape the folder; STORE_UNAVAILABLE/STORE
     *                         when a file cannot be written
     */
    @Override
    public Extraction apply(SourceDocument document, Extraction extraction) {
        Path folder = folderOf(document);
        List<Element> out = new ArrayList<>(extraction.elements().size());
        for (int i = 0; i < extraction.elements().size(); i++) {
            Element e = extraction.elements().get(i);
            byte[] bytes = bytes(e);
            if (bytes == null) {
                out.add(e);
                continue;
            }
            Path file = folder.resolve(i + "." + (e.type() == ContentType.TABLE ? "md" : e.image().format()));
            try {
                Files.createDirectories(folder);
                Files.write(file, bytes);
            } catch (IOException | RuntimeException ex) {
                throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.STORE, "cannot store " + file + ": "
                        + ex.getMessage()).source(document.sourceId()).page(e.pageNumber()).cause(ex).build();
            }
            out.add(e.withStoredUri(file.toUri().toString()));
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

    /** {@code root/basename}, after checking the basename cannot climb out of root. */
    Path folderOf(SourceDocument document) {
        String name = document.sourceName();
        boolean unsafe = name == null || name.isBlank() || name.equals(".") || name.equals("..")
                || name.contains("/") || name.contains("\\") || name.indexOf(0) >= 0;
        Path folder = unsafe ? null : root.resolve(name).normalize();
        if (folder == null || !folder.getParent().equals(root)) {
            throw IngestException.of(ErrorKind.UNSUPPORTED, Stage.STORE, "source name '" + name
                    + "' would escape the store folder " + root).source(document.sourceId()).build();
        }
        return folder;
    }
}
