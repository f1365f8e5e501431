package io.milvusingest.bulk;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Resolves {@link BulkStack} parameters: one stack, started on first use, stopped when the test run ends. */
public final class BulkStackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BulkStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(BulkStackExtension.class))
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class).stack;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final BulkStack stack;

        Holder() {
            try {
                stack = BulkStack.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot start bin/bulk-test-servers", e);
            }
        }

        @Override
        public void close() throws Exception {
            stack.close();
        }
    }
}
