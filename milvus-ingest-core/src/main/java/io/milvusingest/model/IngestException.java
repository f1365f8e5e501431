package io.milvusingest.model;


/**
 * The one exception type of the pipeline: a classified failure of one document.
 *
 * <p>Carries the {@link ErrorKind}, the {@link Stage}, the source id and, where known, the 1-based page
 * number. Messages must never contain secrets (tokens, passwords, keys).
 */
public class IngestException extends RuntimeException {
    private final ErrorKind kind;
    private final Stage stage;
    private final String source;
    private final Integer page;

    public IngestException(ErrorKind kind, Stage stage, String source, Integer page, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.stage = stage;
        this.source = source;
        this.page = page;
    }

    public IngestException(ErrorKind kind, Stage stage, String source, String message) {
        this(kind, stage, source, null, message, null);
    }

    public ErrorKind kind() {
        return kind;
    }

    /**
     * @return true when a later attempt may succeed ({@link ErrorKind#isTransient()}); named as a bean property
     *         so route error handlers can test {@code ${exception.transient}}
     */
    public boolean isTransient() {
        return kind.isTransient();
    }

    public Stage stage() {
        return stage;
    }

    /** @return the source id (absolute path or URI) of the failed document, or null if unknown. */
    public String source() {
        return source;
    }

    /** @return the 1-based page number where the failure happened, or null if not page-specific. */
    public Integer page() {
        return page;
    }

    @Override
    public String toString() {
        return kind + " at " + stage.label() + (page != null ? " (page " + page + ")" : "") + ": " + getMessage();
    }
}
