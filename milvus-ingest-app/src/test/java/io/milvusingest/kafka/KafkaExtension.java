package io.milvusingest.kafka;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts ONE real Kafka broker ({@link KafkaBroker}) the first time a test asks for a {@link KafkaBroker}
 * parameter and stops it when the whole test run ends. Tests isolate themselves by topic and consumer group.
 */
public final class KafkaExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(KafkaExtension.class))
                .getOrComputeIfAbsent(Shared.class, k -> Shared.start(), Shared.class).broker;
    }

    private static final class Shared implements ExtensionContext.Store.CloseableResource {
        private final KafkaBroker broker;

        private Shared(KafkaBroker broker) {
            this.broker = broker;
        }

        static Shared start() {
            try {
                return new Shared(KafkaBroker.start(KafkaBroker.lib()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the Kafka broker", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the Kafka broker", e);
            }
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
