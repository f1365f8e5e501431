package io.milvusingest.model;


/**
 * Outcome of one successfully ingested document.
 *
 * @param source   the document
 * @param pages    pages extracted (0 for page-less formats)
 * @param chunks   chunks produced
 * @param tokens   model tokens of those chunks, without special tokens
 * @param rows     rows upserted into Milvus
 * @param stale    rows of an earlier version deleted
 * @param timings  wall time per stage, in ms
 */
public record DocumentResult(SourceDocument source, int pages, int chunks, long tokens, long rows, long stale, StageTimings timings) {
}
