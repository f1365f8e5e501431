package io.milvusingest.camel.dropfolder;

import io.milvusingest.config.IngestConfig;
import io.milvusingest.pipeline.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The beans and placeholders {@code routes/drop-folder.camel.yaml} names for its walk of the inbox (besides the
 * pipeline's {@code milvusUpload} and {@code milvusCommit}), built together because they share the archive.
 */
public final class DropFolderBeans {
    /**
     * Placeholder for the file consumer's {@code maxDepth}: Camel counts the inbox as level 1, and it lists one
     * level past {@code ingest.max-depth} so that {@link InboxFilter} sees, and names, the folders that are too deep.
     */
    public static final String LISTING_DEPTH = "ingest.listing-depth";

    private DropFolderBeans() {
    }

    /** @return bean name to bean, for the Camel registry */
    public static Map<String, Object> of(Path inbox, IngestConfig.DropFolder options, ProgressListener listener) {
        DrainedFolders drained = new DrainedFolders();
        InboxArchive archive = new InboxArchive(inbox, drained);
        FailureRecorder recorder = new FailureRecorder(listener, archive);
        return Map.of(InboxArchive.BEAN, archive, FailureRecorder.BEAN, recorder,
                InboxFilter.BEAN, new InboxFilter(archive, drained, recorder, options.maxDepth()),
                InboxGuard.BEAN, new InboxGuard(inbox, options.followSymlinks()));
    }

    /** Adds the walk's placeholders to {@code p}. */
    public static void placeholders(Properties p, IngestConfig.DropFolder options) {
        p.setProperty(LISTING_DEPTH, Integer.toString(options.maxDepth() + 2));
    }
}
