package io.milvusingest.camel.dropfolder;

import io.milvusingest.pipeline.ProgressListener;
import io.milvusingest.report.FailureRecord;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code failureRecorder}: called by the drop-folder route's onException before the file consumer moves the
 * file to {@code .failed/<relative path>} ({@link InboxArchive#failedTarget}); writes the error record beside that
 * path, {@code <failed file>.error.json}, so every failed file carries its reason, and tells the listener (the
 * name reported is the path relative to the inbox, e.g. {@code team-a/report.pdf}).
 */
public final class FailureRecorder {
    /** Bean name used by {@code routes/drop-folder.camel.yaml}. */
    public static final String BEAN = "failureRecorder";
    private static final Logger LOG = LoggerFactory.getLogger(FailureRecorder.class);

    private final ProgressListener listener;
    private final InboxArchive archive;

    public FailureRecorder(ProgressListener listener, InboxArchive archive) {
        this.listener = listener;
        this.archive = archive;
    }

    /** Records the exchange's caught exception; never throws, so the file still moves to {@code .failed/}. */
    public void record(Exchange exchange) {
        Throwable error = FailureRecord.rootIngestCause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        int attempts = 1 + exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        write(InboxArchive.relativePath(exchange), archive.failedPath(exchange), error, attempts);
    }

    /**
     * Writes the error record of the inbox entry at {@code relative}, which moves (or moved) to {@code failedFile};
     * never throws.
     */
    void write(Path relative, Path failedFile, Throwable error, int attempts) {
        FailureRecord record = FailureRecord.of(relative.getFileName().toString(),
                archive.inbox().resolve(relative).toString(), error, attempts);
        try {
            record.writeBeside(failedFile);
        } catch (IOException e) {
            LOG.error("cannot write the error file for {}: {}", relative, e.toString());
        }
        listener.failed(relative.toString(), error);
    }
}
