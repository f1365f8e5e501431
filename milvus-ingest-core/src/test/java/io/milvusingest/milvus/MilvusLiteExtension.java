package io.milvusingest.milvus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts ONE real Milvus Lite server (from {@code .venv/bin/milvus-lite}, or the {@code milvus.lite.executable}
 * system property) in a temp data dir the first time an integration test asks for it, and stops it when
 * the whole test run ends. Test classes declare {@code @ExtendWith(MilvusLiteExtension.class)} and take a
 * {@link MilvusLiteServer} parameter; each test uses its own collection ({@link #collectionName}).
 */
public final class MilvusLiteExtension implements ParameterResolver {
    /** Where {@code bin/setup-python} installs Milvus Lite (relative to the project dir, Maven's cwd). */
    public static final Path EXECUTABLE = Path.of(System.getProperty("milvus.lite.executable",
            ".venv/bin/milvus-lite"));
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MilvusLiteServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(MilvusLiteExtension.class))
                .getOrComputeIfAbsent(SharedServer.class, k -> SharedServer.start(), SharedServer.class).server;
    }

    /** @return a fresh collection name, unique within the test run, e.g. {@code it_writer_7} */
    public static String collectionName(String prefix) {
        return "it_" + prefix + "_" + COLLECTIONS.incrementAndGet();
    }

    /** Checks that {@code bin/setup-python} ran, with a message saying so. */
    public static void requireExecutable() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Milvus Lite not found at " + EXECUTABLE.toAbsolutePath()
                    + ": run bin/setup-python first (it creates .venv with milvus-lite)");
        }
    }

    /** Deletes a directory tree, best effort. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temp dir
        }
    }

    private static final class SharedServer implements ExtensionContext.Store.CloseableResource {
        private final MilvusLiteServer server;
        private final Path dataDir;

        private SharedServer(MilvusLiteServer server, Path dataDir) {
            this.server = server;
            this.dataDir = dataDir;
        }

        static SharedServer start() {
            requireExecutable();
            try {
                Path dir = Files.createTempDirectory("milvus-lite-it-");
                return new SharedServer(MilvusLiteServer.start(EXECUTABLE, dir), dir);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temp dir for Milvus Lite", e);
            }
        }

        @Override
        public void close() {
            server.close();
            deleteTree(dataDir);
        }
    }
}
