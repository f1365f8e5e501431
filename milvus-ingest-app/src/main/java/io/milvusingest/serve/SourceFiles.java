package io.milvusingest.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code GET /files/{id}}: the original file of an ingested source, so the page can open a PDF at a page
 * ({@code #page=N}). Served only when the source has rows in the collection, and only when its real path (every
 * symbolic link resolved) lies under the real path of a {@code serve.file-roots} folder: a {@code ../} or a link
 * leading elsewhere is refused (403), as is anything but a regular file. The content type comes from the extension;
 * files are sent inline with {@code X-Content-Type-Options: nosniff}.
 */
public final class SourceFiles implements Processor {
    private static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "txt", "text/plain; charset=utf-8",
            "md", "text/plain; charset=utf-8", "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "tif", "image/tiff", "tiff", "image/tiff");
    private final Collections collections;
    private final DocumentCatalog catalog;
    private final List<Path> roots;
    private final ApiKeyGuard guard;

    public SourceFiles(Collections collections, List<Path> roots, ApiKeyGuard guard) {
        this.collections = collections;
        this.catalog = new DocumentCatalog(collections);
        this.roots = realRoots(roots);
        this.guard = guard;
    }

    @Override
    public void process(Exchange exchange) {
        Message m = exchange.getMessage();
        try {
            guard.check(exchange, false);
            String sourceId = DocumentIds.decode(m.getHeader("id", String.class));
            String collection = collections.resolve(m.getHeader("collection", String.class));
            Path file = allowed(sourceId);
            if (catalog.chunks(collection, sourceId).isEmpty()) {
                throw new ApiError(404, "invalid_request_error", "id", "document_not_found",
                        "this file is not an ingested source of collection " + collection);
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            byte[] bytes = Files.readAllBytes(file);
            m.removeHeaders("*", Exchange.HTTP_METHOD);
            m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            m.setHeader(Exchange.CONTENT_TYPE, TYPES.getOrDefault(ext, "application/octet-stream"));
            m.setHeader("X-Content-Type-Options", "nosniff");
            m.setHeader("Content-Disposition", "inline");
            m.setBody(bytes);
        } catch (ApiError e) {
            HttpExchanges.answer(exchange, e);
        } catch (IOException e) {
            HttpExchanges.answer(exchange, new ApiError(404, "invalid_request_error", "id", "file_not_found",
                    "the source file cannot be read"));
        }
    }

    /**
     * @return the real path of sourceId's file, when it is a regular file under a root
     * @throws ApiError 403 outside the roots (traversal, symbolic link escape), 404 when it does not exist
     */
    Path allowed(String sourceId) throws IOException {
        Path given;
        try {
            given = Path.of(sourceId);
        } catch (RuntimeException e) {
            throw forbidden();
        }
        if (!given.isAbsolute() || sourceId.contains("\0")) {
            throw forbidden();
        }
        if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
            throw new ApiError(404, "invalid_request_error", "id", "file_not_found", "the source file is gone");
        }
        Path real = given.toRealPath();
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) || roots.stream().noneMatch(real::startsWith)) {
            throw forbidden();
        }
        return real;
    }

    private static ApiError forbidden() {
        return new ApiError(403, "invalid_request_error", "id", "forbidden",
                "this file is outside the folders the server may serve (serve.file-roots)");
    }

    private static List<Path> realRoots(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            try {
                out.add(r.toRealPath());
            } catch (IOException e) {
                // a root that does not exist (yet) serves nothing
            }
        }
        return out;
    }
}
