package io.milvusingest.s3;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Resolves {@link MinioServer} parameters: one server per test run, started on first use. */
public final class MinioExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MinioServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(MinioExtension.class))
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class).server;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final MinioServer server;

        Holder() {
            try {
                server = MinioServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start MinIO", e);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
