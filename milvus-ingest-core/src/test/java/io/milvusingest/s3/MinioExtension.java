package io.milvusingest.s3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts ONE real MinIO server the first time a test asks for a {@link MinioServer} parameter and stops it when
 * the whole test run ends. The binary is the {@code minio.executable} system property (bin/test passes it), else
 * what {@code bin/setup-minio} prints (it builds MinIO from source once, then answers from its cache).
 * Tests isolate themselves by bucket.
 */
public final class MinioExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MinioServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(MinioExtension.class))
                .getOrComputeIfAbsent(Shared.class, k -> Shared.start(), Shared.class).server;
    }

    /** @return the minio binary: {@code -Dminio.executable}, else {@code bin/setup-minio}'s answer */
    static Path executable() {
        String configured = System.getProperty("minio.executable");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Process setup = new ProcessBuilder("bin/setup-minio").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String path;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(setup.getInputStream(),
                    StandardCharsets.UTF_8))) {
                path = out.lines().reduce((a, b) -> b).orElse("");
            }
            if (!setup.waitFor(15, TimeUnit.MINUTES) || setup.exitValue() != 0 || !Files.isExecutable(Path.of(path))) {
                throw new IllegalStateException("bin/setup-minio did not provide a minio binary (got '" + path + "')");
            }
            return Path.of(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/setup-minio", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running bin/setup-minio", e);
        }
    }

    private static final class Shared implements ExtensionContext.Store.CloseableResource {
        private final MinioServer server;

        private Shared(MinioServer server) {
            this.server = server;
        }

        static Shared start() {
            try {
                return new Shared(MinioServer.start(executable()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start MinIO", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting MinIO", e);
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
