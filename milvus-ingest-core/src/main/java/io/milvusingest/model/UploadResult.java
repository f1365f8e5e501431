package io.milvusingest.model;


/**
 * What a {@link DocumentWriter} did for one document.
 *
 * @param rowsUpserted rows written (one per chunk); rows that existed were replaced
 * @param rowsDeleted  stale rows removed: rows of an earlier version of the document beyond its new chunk count
 * @param elapsedMs    wall time of the upload in milliseconds
 */
public record UploadResult(int rowsUpserted, int rowsDeleted, long elapsedMs) {
}
