package io.milvusingest.sync;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists a bucket completely: every page of ListObjectsV2 (1,000 keys per request), in key order. */
public final class BucketListing {

    private BucketListing() {
    }

    /**
     * @param prefix key prefix, "" for the whole bucket
     * @return every object under the prefix except folder markers (keys ending in {@code /})
     * @throws IngestException STORE_UNAVAILABLE when S3 cannot be reached or refuses (bucket gone, access denied)
     */
    public static List<BucketObject> list(S3Client s3, String bucket, String prefix) {
        // keys come URL-encoded (the SDK decodes them again): most control characters are not allowed in XML 1.0,
        // so one key holding one would otherwise make every page of the listing unreadable, and the sync with it
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket)
                .prefix(prefix.isEmpty() ? null : prefix).encodingType(EncodingType.URL).build();
        List<BucketObject> objects = new ArrayList<>();
        try {
            // the paginator follows continuation tokens, so the listing is complete or the call throws; deletion
            // detection relies on that (a partial listing would look like deleted objects)
            for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
                if (!o.key().endsWith("/")) {
                    objects.add(new BucketObject(bucket, o.key(), BucketObject.unquote(o.eTag()), o.size(),
                            o.lastModified()));
                }
            }
        } catch (SdkException e) {
            String where = "s3://" + bucket + "/" + prefix;
            throw IngestException.of(ErrorKind.STORE_UNAVAILABLE, Stage.EXTRACT, "listing " + where + " failed: "
                    + e.getMessage()).source(where).cause(e).build();
        }
        return objects;
    }
}
