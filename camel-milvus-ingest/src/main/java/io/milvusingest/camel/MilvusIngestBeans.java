package io.milvusingest.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Binds the beans file routes around a {@code milvus-ingest} endpoint use, {@value FailureRecorder#BEAN} and
 * {@value MilvusCommit#BEAN}, into every CamelContext that has this component on its class path (Camel loads
 * {@link ContextServicePlugin}s with the {@link java.util.ServiceLoader} while it builds the context), so YAML routes
 * run by {@code camel run} find them. A bean the application bound under the same name is left as it is.
 */
public final class MilvusIngestBeans implements ContextServicePlugin {
    @Override
    public void load(CamelContext camel) {
        if (camel.getRegistry().lookupByName(FailureRecorder.BEAN) == null) {
            camel.getRegistry().bind(FailureRecorder.BEAN, new FailureRecorder());
        }
        if (camel.getRegistry().lookupByName(MilvusCommit.BEAN) == null) {
            camel.getRegistry().bind(MilvusCommit.BEAN, new MilvusCommit());
        }
    }
}
