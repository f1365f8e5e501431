package io.milvusingest.serve;

import org.apache.camel.builder.RouteBuilder;

/**
 * The HTTP service of {@code bin/ingest serve}, on Camel's platform-http (the embedded Vert.x server of
 * camel-platform-http-main, bound to {@code serve.host}:{@code serve.port}). One route per endpoint:
 * {@code POST /v1/embeddings} ({@link EmbeddingsEndpoint}); {@code GET|POST /api/search} ({@link SearchApi});
 * {@code GET /api/documents}, {@code GET|DELETE /api/documents/{id}} ({@link DocumentsApi}); {@code GET /files/{id}}
 * ({@link SourceFiles}); the web page at {@code /} ({@link WebPage}; static, so never behind the API key). Health and metrics ({@code /observe/*}) are
 * camel-main's management server on the same port.
 */
public final class ServeRoutes extends RouteBuilder {
    /** Path of the OpenAI-compatible embeddings endpoint. */
    public static final String EMBEDDINGS_PATH = "/v1/embeddings";
    /** Path of the search API. */
    public static final String SEARCH_PATH = "/api/search";

    private final EmbeddingsEndpoint embeddings;
    private final SearchApi search;
    private final DocumentsApi documents;
    private final SourceFiles files;
    private final ApiKeyGuard guard;

    /** Only the embeddings endpoint, unguarded. */
    public ServeRoutes(EmbeddingsEndpoint embeddings) {
        this(embeddings, null, null, null, null);
    }

    /**
     * @param search, documents, files: null to leave the search API, documents, files and page out
     * @param guard the API key check of the embeddings endpoint (the others check it themselves), or null
     */
    public ServeRoutes(EmbeddingsEndpoint embeddings, SearchApi search, DocumentsApi documents, SourceFiles files,
                       ApiKeyGuard guard) {
        this.embeddings = embeddings;
        this.search = search;
        this.documents = documents;
        this.files = files;
        this.guard = guard;
    }

    @Override
    public void configure() {
        if (embeddings != null) {
            // no httpMethodRestrict: a GET gets the endpoint's own 405 in OpenAI's error shape
            from("platform-http:" + EMBEDDINGS_PATH).routeId("openai-embeddings").process(exchange -> {
                try {
                    if (guard != null) {
                        guard.check(exchange, false);
                    }
                    embeddings.process(exchange);
                } catch (ApiError e) {
                    HttpExchanges.answer(exchange, e);
                }
            });
        }
        if (search == null) {
            return;
        }
        from("platform-http:" + SEARCH_PATH + "?httpMethodRestrict=GET,POST").routeId("api-search").process(search);
        from("platform-http:/api/documents?httpMethodRestrict=GET").routeId("api-documents").process(documents);
        from("platform-http:/api/documents/{id}?httpMethodRestrict=GET,DELETE").routeId("api-document")
                .process(documents);
        from("platform-http:/files/{id}?httpMethodRestrict=GET").routeId("source-files").process(files);
        from("platform-http:/?httpMethodRestrict=GET").routeId("web-page")
                .process(new WebPage("index.html", "text/html; charset=utf-8"));
        from("platform-http:/app.js?httpMethodRestrict=GET").routeId("web-script")
                .process(new WebPage("app.js", "text/javascript; charset=utf-8"));
        from("platform-http:/app.css?httpMethodRestrict=GET").routeId("web-style")
                .process(new WebPage("app.css", "text/css; charset=utf-8"));
    }
}
