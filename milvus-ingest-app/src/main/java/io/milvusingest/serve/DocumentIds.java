package io.milvusingest.serve;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A document's id in URLs ({@code /api/documents/{id}}, {@code /files/{id}}): its source id (a full path or URI,
 * with slashes) as unpadded URL-safe Base64 (RFC 4648 §5), so it fits one path segment and decodes without a lookup.
 */
public final class DocumentIds {
    private DocumentIds() {
    }

    /** @return the id of sourceId, or null for null */
    public static String encode(String sourceId) {
        return sourceId == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sourceId.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ApiError 400 when id is not such an id */
    public static String decode(String id) {
        try {
            return new String(Base64.getUrlDecoder().decode(id == null ? "" : id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("id", "not a document id: expected URL-safe Base64 of a source id");
        }
    }
}
