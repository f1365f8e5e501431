package io.milvusingest.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Bean {@code kafkaInbox} of {@code routes/kafka-inbox.camel.yaml}: the work item of a document just copied to the
 * shared folder.
 */
public final class KafkaInbox {
    /** Bean name used by {@code routes/kafka-inbox.camel.yaml}. */
    public static final String BEAN = "kafkaInbox";

    /**
     * @return the work item's JSON for the copy named by the file producer's {@code CamelFileNameProduced} header
     *     (source = its absolute path, mtime, size, upsert); sets the record key {@code kafka.KEY} to the source
     * @throws UncheckedIOException when the copy cannot be read back (transient: the route retries)
     */
    public String published(Exchange e) {
        Path copy = Path.of(e.getIn().getHeader(Exchange.FILE_NAME_PRODUCED, String.class)).toAbsolutePath()
                .normalize();
        try {
            WorkItem item = new WorkItem(copy.toString(), null, Files.getLastModifiedTime(copy).toInstant().toString(),
                    Files.size(copy), WorkItem.Op.upsert);
            e.getIn().setHeader(KafkaConstants.KEY, item.source());
            return item.toJson();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the shared copy " + copy, ex);
        }
    }
}
