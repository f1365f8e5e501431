package io.milvusingest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The store task's local folder ({@code store.uri=file:///folder}). */
final class FolderSink implements StoreSink {
    private final Path root;

    FolderSink(Path root) {
        this.root = root;
    }

    @Override
    public String put(String key, byte[] bytes) throws IOException {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) { // ElementStore's key check makes this unreachable; kept as the last guard
            throw new IOException(key + " would leave " + root);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file.toUri().toString();
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
