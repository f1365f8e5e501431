package io.milvusingest.model;


/**
 * Wall time spent per stage for one document or a whole run, in milliseconds.
 */
public record StageTimings(long extractMs, long splitMs, long embedMs, long uploadMs) {
    public static final StageTimings ZERO = new StageTimings(0, 0, 0, 0);

    public StageTimings plus(StageTimings o) {
        return new StageTimings(extractMs + o.extractMs, splitMs + o.splitMs, embedMs + o.embedMs, uploadMs + o.uploadMs);
    }

    public long totalMs() {
        return extractMs + splitMs + embedMs + uploadMs;
    }
}
