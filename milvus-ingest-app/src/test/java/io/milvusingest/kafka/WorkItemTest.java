package io.milvusingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import org.junit.jupiter.api.Test;

class WorkItemTest {

    @Test
    void should_round_trip_a_work_item_without_null_fields() {
        WorkItem item = new WorkItem("s3://docs/a b.pdf", "9b2c", null, 4321, WorkItem.Op.upsert);
        assertThat(item.toJson()).isEqualTo("{\"source\":\"s3://docs/a b.pdf\",\"etag\":\"9b2c\",\"size\":4321,"
                + "\"op\":\"upsert\"}");
        assertThat(WorkItem.parse(item.toJson())).isEqualTo(item);
        assertThat(item.bucket()).isEqualTo("docs");
        assertThat(item.key()).isEqualTo("a b.pdf");
    }

    @Test
    void should_read_a_minio_put_notification_as_an_upsert_of_the_decoded_key() {
        String event = """
                {"EventName":"s3:ObjectCreated:Put","Key":"docs/reports/q1+summary.pdf","Records":[{"eventVersion":"2.0",
                "eventSource":"minio:s3","eventName":"s3:ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0",
                "bucket":{"name":"docs","arn":"arn:aws:s3:::docs"},"object":{"key":"reports%2Fq1+summary.pdf",
                "size":2048,"eTag":"d41d8cd98f00b204e9800998ecf8427e","contentType":"application/pdf"}}}]}""";
        assertThat(WorkItem.parse(event)).isEqualTo(new WorkItem("s3://docs/reports/q1 summary.pdf",
                "d41d8cd98f00b204e9800998ecf8427e", null, 2048, WorkItem.Op.upsert));
    }

    @Test
    void should_read_a_removal_notification_as_a_delete() {
        String event = "{\"EventName\":\"s3:ObjectRemoved:Delete\",\"Records\":[{\"eventName\":"
                + "\"s3:ObjectRemoved:Delete\",\"s3\":{\"bucket\":{\"name\":\"docs\"},\"object\":{\"key\":\"a.md\"}}}]}";
        assertThat(WorkItem.parse(event)).isEqualTo(new WorkItem("s3://docs/a.md", null, null, 0, WorkItem.Op.delete));
    }

    @Test
    void should_refuse_a_value_that_is_no_work_item_as_corrupt() {
        for (String bad : new String[] {"not json", "{\"op\":\"upsert\"}", "{\"source\":\"s3://docs/a\"}",
                "{\"source\":\"s3:///a\",\"op\":\"upsert\"}", "{\"source\":\"a\",\"op\":\"rename\"}"}) {
            assertThatThrownBy(() -> WorkItem.parse(bad)).as(bad).isInstanceOf(IngestException.class)
                    .extracting(e -> ((IngestException) e).kind()).isEqualTo(ErrorKind.CORRUPT);
        }
    }
}
