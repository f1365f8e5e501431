package io.milvusingest.milvus;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;

/** Maps Milvus SDK failures to {@link IngestException}s of kind STORE_UNAVAILABLE, stage UPLOAD. */
final class StoreErrors {

    private StoreErrors() {
    }

    /**
     * @param sourceId the document concerned, or null
     * @param what     what failed, e.g. "upsert 256 rows in collection docs"
     */
    static IngestException unavailable(String sourceId, String what, RuntimeException e) {
        return IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.UPLOAD, what + " failed: " + reason(e))
                .source(sourceId).cause(e).build();
    }

    /**
     * @return the SDK's message. For several error statuses of Milvus Lite (invalid filter, collection not
     *     loaded, unknown analyzer) the Java SDK 2.6 only says "Can't get the number of an unknown enum
     *     value."; the server's own reason is then only in the SDK's ERROR log line, which the hint says.
     */
    static String reason(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("unknown enum value")) {
            return message + " (the SDK could not decode the server's error; its reason is in the preceding"
                    + " ERROR log line of io.milvus.v2.utils.RpcUtils)";
        }
        return message;
    }
}
