package io.milvusingest.route;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One consumer per inbox: an exclusive OS lock on {@code <inbox>/.milvus-ingest.lock}, held while the drop-folder
 * route runs, so two app instances can never ingest the same file twice. The OS drops the lock when the
 * process ends, even on {@code kill -9}, so a crash never leaves the inbox locked. Works across hosts only
 * where the file system supports {@code fcntl} locks (local disks, NFSv4).
 */
public final class InboxLock implements AutoCloseable {
    /** Lock file name; hidden, so the file consumer skips it. */
    public static final String FILE = ".milvus-ingest.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private InboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IllegalStateException when another process holds the inbox (the message names its pid)
     * @throws IOException           when the lock file cannot be created
     */
    public static InboxLock acquire(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Path file = inbox.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalStateException("inbox " + inbox + " is already watched by another milvus-ingest"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; run one instance per inbox");
        }
        channel.truncate(0);
        channel.write(StandardCharsets.UTF_8.encode(Long.toString(ProcessHandle.current().pid())));
        channel.force(false);
        return new InboxLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
