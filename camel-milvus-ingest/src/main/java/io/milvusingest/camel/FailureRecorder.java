package io.milvusingest.camel;

import io.milvusingest.report.FailureRecord;
import io.milvusingest.pipeline.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code failureRecorder} (bound by {@link MilvusIngestBeans}): called by a file route's onException before the
 * file consumer moves the file to {@code .failed/}; writes {@code .failed/<name>.error.json} so every failed file
 * carries its reason, and tells the component's progress listener, if any.
 */
public final class FailureRecorder {
    /** Bean name used by {@code routes/drop-folder.camel.yaml}. */
    public static final String BEAN = "failureRecorder";
    /** Sub-folder of the inbox receiving failed files, as the route's {@code moveFailed} option says. */
    public static final String FAILED_DIR = ".failed";
    private static final Logger LOG = LoggerFactory.getLogger(FailureRecorder.class);

    /** Records the exchange's caught exception; never throws, so the file still moves to {@code .failed/}. */
    public void record(Exchange exchange) {
        Throwable error = FailureRecord.rootIngestCause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String parent = exchange.getIn().getHeader(Exchange.FILE_PARENT, String.class);
        int attempts = 1 + exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        FailureRecord record = FailureRecord.of(name, Path.of(parent, name).toAbsolutePath().toString(), error, attempts);
        try {
            record.writeTo(Path.of(parent).resolve(FAILED_DIR));
        } catch (IOException e) {
            LOG.error("cannot write the error file for {}: {}", name, e.toString());
        }
        ProgressListener listener = exchange.getContext()
                .getComponent(MilvusIngestComponent.SCHEME, MilvusIngestComponent.class).getProgressListener();
        if (listener != null) {
            listener.failed(name, error);
        } else {
            LOG.warn("{} failed: {}", name, error == null ? "unknown error" : error.toString());
        }
    }
}
