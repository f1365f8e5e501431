package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvus.v2.client.MilvusClientV2;
import io.milvusingest.model.ErrorKind;
import io.milvusingest.model.IngestException;
import io.milvusingest.model.Stage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MilvusLiteExtension.class)
class MilvusConnectorIT {

    @Test
    void connectsWithAndWithoutCredentials(MilvusLiteServer server) {
        MilvusClientV2 plain = MilvusConnector.connect(server.uri());
        assertThat(plain.getServerVersion()).contains("milvus_lite");
        plain.close();
        // Milvus Lite ignores authentication, but the client must still send it without failing
        MilvusClientV2 withToken = MilvusConnector.connect(MilvusConnector.Settings.of(server.uri()).withToken("root:Milvus"));
        assertThat(withToken.checkHealth().getIsHealthy()).isTrue();
        withToken.close();
    }

    @Test
    void unreachableServerIsStoreUnavailableWithoutSecrets() {
        String uri = "http://127.0.0.1:" + ServerProbe.freePort("127.0.0.1");
        for (MilvusConnector.Settings settings : new MilvusConnector.Settings[] {
                MilvusConnector.Settings.of(uri).withToken("tok-s3cr3t"),
                MilvusConnector.Settings.of(uri).withCredentials("alice", "pw-s3cr3t")}) {
            assertThatThrownBy(() -> MilvusConnector.connect(settings.withConnectTimeout(Duration.ofSeconds(1))))
                    .isInstanceOfSatisfying(IngestException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.STORE_UNAVAILABLE);
                        assertThat(e.stage()).isEqualTo(Stage.UPLOAD);
                        assertThat(e.getMessage()).contains("cannot connect to Milvus at " + uri)
                                .doesNotContain("s3cr3t");
                        assertThat(e.toString()).doesNotContain("s3cr3t");
                    });
        }
    }
}
