package io.milvusingest.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Endpoints of one CamelContext share the loaded model and the Milvus client; the last to stop closes them. */
@ExtendWith(MilvusLiteExtension.class)
class SharedModelIT {

    @Test
    void should_load_the_model_once_for_two_endpoints_on_one_collection(MilvusLiteServer server) throws Exception {
        String base = "milvus-ingest:" + MilvusLiteExtension.collectionName("shared") + "?milvusUri=" + server.uri()
                + "&stream=true";
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.setDevConsole(false); // camel-jbang's consoles on the test class path are not part of this test
            camel.start();
            MilvusIngestEndpoint ingest = camel.getEndpoint(base, MilvusIngestEndpoint.class);
            MilvusIngestEndpoint search = camel.getEndpoint(base + "&operation=search&topK=3",
                    MilvusIngestEndpoint.class);
            MilvusIngestEndpoint other = camel.getEndpoint(base + "&chunkSize=128&chunkOverlap=16",
                    MilvusIngestEndpoint.class);
            ingest.start();
            search.start();
            other.start();
            MilvusIngestComponent component = camel.getComponent("milvus-ingest", MilvusIngestComponent.class);

            assertThat(component.shared().loadedModels()).isEqualTo(1);
            assertThat(search.lease().runtime()).isSameAs(ingest.lease().runtime());
            assertThat(other.lease().runtime()).isNotSameAs(ingest.lease().runtime()); // another chunk size
            assertThat(other.lease().runtime().embedder()).isSameAs(ingest.lease().runtime().embedder());
            assertThat(other.lease().runtime().client()).isSameAs(ingest.lease().runtime().client());

            ingest.stop();
            search.stop();
            assertThat(component.shared().loadedModels()).isEqualTo(1); // still used by the third endpoint
            other.stop();
            assertThat(component.shared().loadedModels()).isZero();
        }
    }
}
