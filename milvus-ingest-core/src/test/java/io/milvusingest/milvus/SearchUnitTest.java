package io.milvusingest.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Score normalization and hit parsing, without a server. */
class SearchUnitTest {

    @Test
    void scoresAreHigherIsBetter() {
        assertThat(HybridSearcher.score(SearchMode.DENSE, 0f)).isEqualTo(1f);   // identical unit vectors
        assertThat(HybridSearcher.score(SearchMode.DENSE, 2f)).isEqualTo(0f);   // orthogonal
        assertThat(HybridSearcher.score(SearchMode.DENSE, 4f)).isEqualTo(-1f);  // opposite
        assertThat(HybridSearcher.score(SearchMode.SPARSE, -1.5f)).isEqualTo(1.5f); // Milvus Lite negates BM25
        assertThat(HybridSearcher.score(SearchMode.SPARSE, 1.5f)).isEqualTo(1.5f);
        assertThat(HybridSearcher.score(SearchMode.HYBRID, 2f / 61)).isCloseTo(2f / 61, within(1e-9f));
    }

    @Test
    void parsesHitFields() {
        JsonObject source = new JsonObject();
        source.addProperty(Fields.SOURCE_NAME, "a.pdf");
        source.addProperty(Fields.SOURCE_ID, "/d/a.pdf");
        JsonObject meta = new JsonObject();
        meta.addProperty(Fields.PAGE_NUMBER, 4);
        meta.addProperty(Fields.CM_TYPE, "structured");
        meta.addProperty(Fields.SUBTYPE, "table");
        JsonObject custom = new JsonObject();
        custom.addProperty(Fields.CHUNK_INDEX, 9);
        meta.add(Fields.CUSTOM_CONTENT, custom);
        SearchHit hit = SearchHit.of(0.5f, Map.of(Fields.TEXT, "t", Fields.SOURCE, source,
                Fields.CONTENT_METADATA, meta.toString()));
        assertThat(hit).isEqualTo(new SearchHit(0.5f, "t", "a.pdf", "/d/a.pdf", 4, "table", 9));
        assertThat(hit.page()).as("0-based 4 is p.5").isEqualTo(5);
    }

    @Test
    void missingMetadataGivesDefaults() {
        SearchHit hit = SearchHit.of(1f, Map.of(Fields.TEXT, "t"));
        assertThat(hit).isEqualTo(new SearchHit(1f, "t", null, null, -1, null, -1));
        assertThat(hit.page()).isZero();
    }

    @Test
    void redactsUserInfoFromUris() {
        assertThat(MilvusConnector.redact("http://user:pw@host:19530/x")).isEqualTo("http://host:19530/x");
        assertThat(MilvusConnector.redact("http://127.0.0.1:19530")).isEqualTo("http://127.0.0.1:19530");
        assertThat(MilvusConnector.Settings.of("http://h:1").withToken("s3cret").toString()).doesNotContain("s3cret");
    }
}
