package io.milvusingest.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.milvus.HashingTestEmbedder;
import io.milvusingest.milvus.MilvusConnector;
import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The error handling the component's docs show: transient failures (here Milvus stopped) are redelivered by the
 * user's onException, permanent ones (a corrupt PDF) go to the dead letter at once. The test has its own Milvus
 * Lite, since it stops it.
 */
class ErrorHandlingIT extends CamelTestSupport {
    private static final Path CORRUPT = Path.of("..", "shared", "corpus", "bad", "qpdf-bad1.pdf");
    private static final int REDELIVERIES = 2;
    private static Path data;
    private static MilvusLiteServer lite;
    private final AtomicInteger attempts = new AtomicInteger();
    private MilvusClientV2 client;

    @BeforeAll
    static void startMilvus() throws Exception {
        MilvusLiteExtension.requireExecutable();
        if (!Files.isRegularFile(CORRUPT)) {
            throw new IllegalStateException("fixture missing: " + CORRUPT.toAbsolutePath() + " (../shared/corpus)");
        }
        data = Files.createTempDirectory("milvus-lite-errors-");
        lite = MilvusLiteServer.start(MilvusLiteExtension.EXECUTABLE, data);
    }

    @org.junit.jupiter.api.AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @AfterAll
    static void stopMilvus() {
        if (lite != null) {
            lite.close();
        }
        MilvusLiteExtension.deleteTree(data);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("hashing", new HashingTestEmbedder(32));
        // a client whose calls give up after 5 s (the default deadline, 5 min, rides out a Milvus restart)
        client = MilvusConnector.connect(new MilvusConnector.Settings(lite.uri(), null, null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(5)));
        context.getRegistry().bind("client", client);
        return new RouteBuilder() {
            @Override
            public void configure() {
                // as in the component's docs: transient failures retried with backoff, permanent ones dead-lettered
                onException(IngestException.class).onWhen(simple("${exception.transient}"))
                        .maximumRedeliveries(REDELIVERIES).redeliveryDelay(100)
                        .onRedelivery(e -> attempts.incrementAndGet())
                        .handled(true).to("mock:transient");
                onException(Exception.class).handled(true).to("mock:permanent");
                from("direct:ingest").process(e -> attempts.incrementAndGet())
                        .to("milvus-ingest:" + MilvusLiteExtension.collectionName("errors") + "?milvusUri=" + lite.uri()
                                + "&milvusClient=#client&embedder=#hashing&stream=true")
                        .to("mock:ok");
            }
        };
    }

    @Test
    void should_retry_a_transient_failure_and_dead_letter_a_permanent_one_at_once() throws Exception {
        MockEndpoint ok = getMockEndpoint("mock:ok");
        MockEndpoint permanent = getMockEndpoint("mock:permanent");
        MockEndpoint transientFailures = getMockEndpoint("mock:transient");
        ok.expectedMessageCount(1);
        permanent.expectedMessageCount(1);
        transientFailures.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:ingest", "Lighthouses guide ships.", MilvusIngestConstants.SOURCE_ID, "a.txt");
        attempts.set(0);
        template.sendBody("direct:ingest", CORRUPT);
        int permanentAttempts = attempts.getAndSet(0);
        lite.close(); // Milvus stopped: the upload fails as STORE_UNAVAILABLE
        template.sendBodyAndHeader("direct:ingest", "Harbours shelter boats.", MilvusIngestConstants.SOURCE_ID, "b.txt");

        MockEndpoint.assertIsSatisfied(context);
        IngestException corrupt = permanent.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT,
                IngestException.class);
        assertThat(corrupt.kind()).isEqualTo(ErrorKind.CORRUPT);
        assertThat(corrupt.stage()).isEqualTo(Stage.EXTRACT);
        assertThat(corrupt.isTransient()).isFalse();
        assertThat(permanentAttempts).isEqualTo(1);
        IngestException down = transientFailures.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT,
                IngestException.class);
        assertThat(down.kind()).isEqualTo(ErrorKind.STORE_UNAVAILABLE);
        assertThat(down.isTransient()).isTrue();
        assertThat(attempts.get()).isEqualTo(1 + REDELIVERIES);
    }
}
