package io.milvusingest.model;

/**
 * The one exception type of the pipeline: a classified failure of one document.
 *
 * <p>Carries the {@link ErrorKind}, the {@link Stage}, the source id and, where known, the 1-based page
 * number. Built by name, e.g. {@code IngestException.of(ErrorKind.CORRUPT, Stage.EXTRACT, "bad xref")
 * .source(id).page(3).cause(e).build()}. Messages must never contain secrets (tokens, passwords, keys).
 */
public class IngestException extends RuntimeException {
    private final ErrorKind kind;
    private final Stage stage;
    private final String source;
    private final Integer page;

    /**
     * Positional form; prefer {@link #of(ErrorKind, Stage, String)}, which names the optional parts.
     *
     * @param source the source id, or null if unknown
     * @param page   the 1-based page, or null if not page-specific
     * @param cause  the underlying failure, or null
     */
    public IngestException(ErrorKind kind, Stage stage, String source, Integer page, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.stage = stage;
        this.source = source;
        this.page = page;
    }

    /** A failure of a whole document, without page or cause; see {@link #of(ErrorKind, Stage, String)}. */
    public IngestException(ErrorKind kind, Stage stage, String source, String message) {
        this(kind, stage, source, null, message, null);
    }

    /**
     * Starts a failure whose source id, page and cause are optional and set by name.
     *
     * @param message what went wrong, without secrets
     * @return a builder; {@link Builder#build()} makes the exception
     */
    public static Builder of(ErrorKind kind, Stage stage, String message) {
        return new Builder(kind, stage, message);
    }

    /**
     * @return a copy of this failure (same kind, stage, page, message and cause) attributed to {@code sourceId},
     *         for a caller that knows the document when the thrower did not
     */
    public IngestException withSource(String sourceId) {
        return new IngestException(kind, stage, sourceId, page, getMessage(), getCause());
    }

    public ErrorKind kind() {
        return kind;
    }

    /**
     * @return true when a later attempt may succeed ({@link ErrorKind#isTransient()}: STORE_UNAVAILABLE,
     *         EMBEDDING_FAILED, CAPTION_FAILED); named as a bean property so route error handlers can test
     *         {@code ${exception.transient}}
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

    /** Names the optional parts of an {@link IngestException}; each defaults to null (unknown). */
    public static final class Builder {
        private final ErrorKind kind;
        private final Stage stage;
        private final String message;
        private String source;
        private Integer page;
        private Throwable cause;

        private Builder(ErrorKind kind, Stage stage, String message) {
            this.kind = kind;
            this.stage = stage;
            this.message = message;
        }

        /** @param sourceId the failed document's source id (absolute path or URI) */
        public Builder source(String sourceId) {
            this.source = sourceId;
            return this;
        }

        /** @param page 1-based page number, or null when not page-specific */
        public Builder page(Integer page) {
            this.page = page;
            return this;
        }

        /** @param cause the underlying failure */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public IngestException build() {
            return new IngestException(kind, stage, source, page, message, cause);
        }
    }
}
