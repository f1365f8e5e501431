package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.milvusingest.model.SourceDocument;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class S3SourceMetadataTest {

    @Test
    void should_describe_a_bucket_object_by_its_s3_uri_etag_size_and_last_modified() {
        SourceDocument doc = SourceDocument.ofObject(Path.of("/tmp/x-report.pdf"), "docs", "2025/q1/report.pdf", 4321,
                Instant.parse("2025-03-01T08:00:00Z"), "9b2cf535f27731c974343645a3985328");

        JsonObject source = RowMapper.source(doc);

        assertThat(source.get(Fields.SOURCE_ID).getAsString()).isEqualTo("s3://docs/2025/q1/report.pdf");
        assertThat(source.get(Fields.SOURCE_NAME).getAsString()).isEqualTo("s3://docs/2025/q1/report.pdf");
        assertThat(source.get(Fields.SOURCE_LOCATION).getAsString()).isEqualTo("s3://docs/2025/q1/report.pdf");
        assertThat(source.get(Fields.SOURCE_TYPE).getAsString()).isEqualTo("pdf");
        JsonObject custom = source.getAsJsonObject(Fields.CUSTOM_CONTENT);
        assertThat(custom.get(Fields.ETAG).getAsString()).isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(custom.get(Fields.FILE_SIZE).getAsLong()).isEqualTo(4321);
        assertThat(source.get(Fields.LAST_MODIFIED).getAsString()).isEqualTo("2025-03-01T08:00:00Z");
    }

    @Test
    void should_leave_the_etag_out_for_a_local_file() {
        SourceDocument doc = new SourceDocument(Path.of("/d/a.txt"), "/d/a.txt", "a.txt", 1, Instant.EPOCH);
        assertThat(RowMapper.source(doc).getAsJsonObject(Fields.CUSTOM_CONTENT).has(Fields.ETAG)).isFalse();
    }
}
