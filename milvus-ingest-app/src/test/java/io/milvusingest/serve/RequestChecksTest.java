package io.milvusingest.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.config.ServeConfig;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The request checks of the HTTP service without a server: filters, highlights, the API key, document ids. */
class RequestChecksTest {

    @Test
    void filtersOverThisSchemaPassAndAnythingElseIsRefused() {
        assertThat(FilterGuard.check(" source[\"source_type\"] == \"pdf\" and content_metadata[\"page_number\"] in [0, 1] "))
                .isEqualTo("source[\"source_type\"] == \"pdf\" and content_metadata[\"page_number\"] in [0, 1]");
        assertThat(FilterGuard.check("not (text like \"%woods%\") or pk >= -3")).isNotNull();
        assertThat(FilterGuard.check("  ")).isNull();
        for (String bad : List.of("vector != 0", "other.pk > 0", "json_contains(source, 1)", "source (1)",
                "pk > {x}", "pk > 0; x", "(pk > 0", "pk > 0)", "x".repeat(FilterGuard.MAX_LENGTH + 1))) {
            assertThatThrownBy(() -> FilterGuard.check(bad)).as(bad).isInstanceOf(ApiError.class)
                    .extracting(e -> ((ApiError) e).status()).isEqualTo(400);
        }
    }

    @Test
    void highlightsMarkTheQueryWordsAsWordPrefixesWithoutStopWords() {
        List<String> terms = Highlights.terms("What are the vectors of the Woods?");
        assertThat(terms).containsExactly("vectors", "woods");
        String text = "Woods hold vectors; woodsman, firewoods.";
        assertThat(Highlights.offsets(text, terms)).extracting(o -> text.substring(o[0], o[1]))
                .containsExactly("Woods", "vectors", "woodsman");
    }

    @Test
    void theKeyIsNeededBeyondLoopbackAndForDeletesAndIsRemovedFromTheMessage() {
        ServeConfig loopback = new ServeConfig("127.0.0.1", 8000, List.of(Path.of("/tmp")), 65_536, false);
        ServeConfig beyond = new ServeConfig("127.0.0.2", 8000, List.of(Path.of("/tmp")), 65_536, false);
        assertThatThrownBy(() -> ApiKeyGuard.of(beyond, null)).hasMessageContaining(ServeConfig.API_KEY_ENV);

        ApiKeyGuard open = ApiKeyGuard.of(loopback, null);
        open.check(request(null), false);
        assertThatThrownBy(() -> open.check(request("anything"), true)).isInstanceOf(ApiError.class);

        ApiKeyGuard guarded = ApiKeyGuard.of(beyond, "s3cret");
        assertThatThrownBy(() -> guarded.check(request(null), false)).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> guarded.check(request("s3cre"), false)).isInstanceOf(ApiError.class)
                .hasMessageNotContaining("s3cre");
        Exchange ok = request("s3cret");
        guarded.check(ok, true);
        assertThat(ok.getMessage().getHeaders()).doesNotContainKeys("Authorization", "X-API-Key");
    }

    @Test
    void documentIdsRoundTripAndGarbageIsABadRequest() {
        String id = DocumentIds.encode("/srv/in/a b/ünïcode?.pdf");
        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThat(DocumentIds.decode(id)).isEqualTo("/srv/in/a b/ünïcode?.pdf");
        assertThatThrownBy(() -> DocumentIds.decode("not/base64!")).isInstanceOf(ApiError.class);
    }

    private static Exchange request(String key) {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        if (key != null) {
            e.getMessage().setHeader("Authorization", "Bearer " + key);
        }
        return e;
    }
}
