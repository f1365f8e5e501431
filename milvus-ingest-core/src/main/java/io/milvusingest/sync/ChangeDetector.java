package io.milvusingest.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks, from a complete listing, the objects a cycle must ingest: included by type, and new or changed. */
final class ChangeDetector {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);

    private final Set<String> include;
    private final SyncState state;

    /** @param include extensions synced (lower-case, no dot) */
    ChangeDetector(Set<String> include, SyncState state) {
        this.include = Set.copyOf(include);
        this.state = state;
    }

    /**
     * Counts every included object as listed, and the unchanged ones as skipped.
     *
     * @return the new and changed objects, in listing (key) order
     */
    List<BucketObject> toIngest(List<BucketObject> listing, SyncSummary summary) {
        List<BucketObject> todo = new ArrayList<>();
        for (BucketObject o : listing) {
            if (!include.contains(o.extension())) {
                continue;
            }
            summary.listed();
            if (o.key().codePoints().anyMatch(Character::isISOControl)) {
                // refused before any GET: a line break would split the line-based state file, and any control
                // character could forge log lines or terminal output wherever the key is printed
                LOG.warn("{}: FORBIDDEN, keys with control characters are not synced", printable(o.sourceId()));
                summary.failed();
            } else if (state.isCurrent(o.sourceId(), o.etag())) {
                summary.skipped();
            } else {
                todo.add(o);
            }
        }
        return todo;
    }

    /** @return text with each control character written as a Java Unicode escape (backslash, u, 4 hex digits) */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
