package io.milvusingest.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import java.io.InputStream;
import java.nio.file.Path;
import io.milvusingest.model.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

class MilvusIngestConfigurationTest {
    private static final Path HOME = Path.of("/opt/app");

    /** The options' defaults are the core configuration's: an endpoint without options behaves as bin/ingest. */
    @Test
    void should_default_every_option_to_the_core_configurations_default() {
        MilvusIngestConfiguration options = new MilvusIngestConfiguration();
        options.setCollection("docs");

        assertThat(options.toIngestConfig(HOME))
                .isEqualTo(IngestConfig.from(ConfigSource.of(Map.of("milvus.collection", "docs")), HOME));
    }

    /** The defaults the catalog (and so the docs) state are the ones an endpoint starts with. */
    @Test
    void should_start_every_option_at_the_default_the_catalog_states() throws Exception {
        JsonNode props;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/milvusingest/camel/milvus-ingest.json")) {
            props = new ObjectMapper().readTree(in).get("properties");
        }
        MilvusIngestConfiguration fresh = new MilvusIngestConfiguration();
        MilvusIngestConfigurationConfigurer configurer = new MilvusIngestConfigurationConfigurer();
        int checked = 0;
        for (var it = props.fields(); it.hasNext(); ) {
            var p = it.next();
            if (p.getValue().has("defaultValue") && "io.milvusingest.camel.MilvusIngestConfiguration"
                    .equals(p.getValue().path("configurationClass").asText())) {
                Object value = configurer.getOptionValue(fresh, p.getKey(), false);
                assertThat(String.valueOf(value)).as(p.getKey())
                        .isEqualTo(p.getValue().get("defaultValue").asText());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void should_map_the_options_to_the_core_configuration() {
        MilvusIngestConfiguration options = new MilvusIngestConfiguration();
        options.setCollection("docs");
        options.setMilvusUri("http://localhost:19530");
        options.setToken("root:Milvus");
        options.setChunkSize(200);
        options.setChunkOverlap(20);
        options.setStream(true);
        options.setOcr(false);
        options.setEmbedProvider("openai");
        options.setEmbedBaseUrl("http://localhost:8000/v1");
        options.setEmbedModel("nv-embedqa");
        options.setEmbedApiKey("s3cret");

        IngestConfig c = options.toIngestConfig(HOME);

        assertThat(c.milvus().uri()).isEqualTo("http://localhost:19530");
        assertThat(c.milvus().token()).isEqualTo("root:Milvus");
        assertThat(c.chunkSize()).isEqualTo(200);
        assertThat(c.chunkOverlap()).isEqualTo(20);
        assertThat(c.bulk().stream()).isTrue();
        assertThat(c.ocr().enabled()).isFalse();
        assertThat(c.remoteEmbedder().model()).isEqualTo("nv-embedqa");
        assertThat(c.remoteEmbedder().apiKey()).isEqualTo("s3cret");
        assertThat(c.remoteEmbedder().toString()).doesNotContain("s3cret");
    }

    @Test
    void should_name_the_option_of_an_invalid_value() {
        MilvusIngestConfiguration options = new MilvusIngestConfiguration();
        options.setCollection("docs");
        options.setChunkOverlap(384);

        assertThatThrownBy(() -> options.toIngestConfig(HOME)).hasMessageContaining("chunkOverlap");
    }

    /** Every option of bulk import, routing, the element store, the upload filter, limits and auth, off its default. */
    @Test
    void should_map_bulk_store_upload_routing_limit_and_auth_options_to_the_core_configuration() {
        MilvusIngestConfiguration o = new MilvusIngestConfiguration();
        o.setCollection("docs");
        o.setUser("ingester");
        o.setPassword("pw-secret");
        o.setCollections("{\"table\": \"tables\", \"image\": \"pictures\"}");
        o.setBatchSize(64);
        o.setBulkEndpoint("https://s3.example.org:9443");
        o.setBulkTls(true);
        o.setBulkRegion("eu-west-3");
        o.setBulkAccessKey("bulk-access");
        o.setBulkSecretKey("bulk-secret");
        o.setBulkBucket("milvus-bucket");
        o.setBulkPrefix("/files/imports/");
        o.setBulkKeepFiles(true);
        o.setBulkTimeoutSeconds(120);
        o.setPdfPasswords("first-pdf-pw, second-pdf-pw");
        o.setExtractTimeoutMs(9_000);
        o.setMaxBytes(1_000_000);
        o.setMaxPages(12);
        o.setUploadText(false);
        o.setUploadTables(false);
        o.setUploadImages(false);
        o.setStoreUri("s3://elements/run-1");
        o.setStoreImages(false);
        o.setStoreTables(false);
        o.setStoreS3Region("eu-central-1");
        o.setStoreS3UriEndpointOverride("http://127.0.0.1:9000");
        o.setStoreS3ForcePathStyle(true);
        o.setStoreS3AccessKey("store-access");
        o.setStoreS3SecretKey("store-secret");
        o.setQueryInstruction(false);

        IngestConfig c = o.toIngestConfig(HOME);

        assertThat(c.milvus().user()).isEqualTo("ingester");
        assertThat(c.milvus().password()).isEqualTo("pw-secret");
        assertThat(c.milvus().routes()).isEqualTo(Map.of(ContentType.TABLE, "tables", ContentType.IMAGE, "pictures"));
        assertThat(c.milvus().batchSize()).isEqualTo(64);
        assertThat(c.bulk().endpoint()).hasToString("https://s3.example.org:9443");
        assertThat(c.bulk().region()).isEqualTo("eu-west-3");
        assertThat(c.bulk().accessKey()).isEqualTo("bulk-access");
        assertThat(c.bulk().secretKey()).isEqualTo("bulk-secret");
        assertThat(c.bulk().bucket()).isEqualTo("milvus-bucket");
        assertThat(c.bulk().prefix()).isEqualTo("files/imports");
        assertThat(c.bulk().keepFiles()).isTrue();
        assertThat(c.bulk().timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.pdfPasswords()).containsExactly("first-pdf-pw", "second-pdf-pw");
        assertThat(c.limits().timeout()).isEqualTo(Duration.ofMillis(9_000));
        assertThat(c.limits().maxBytes()).isEqualTo(1_000_000);
        assertThat(c.limits().maxPages()).isEqualTo(12);
        assertThat(List.of(c.upload().text(), c.upload().tables(), c.upload().images())).containsOnly(false);
        assertThat(c.store()).isEqualTo(new io.milvusingest.config.StoreConfig("s3://elements/run-1", false, false,
                "eu-central-1", "http://127.0.0.1:9000", true, "store-access", "store-secret"));
        assertThat(c.search().queryInstruction()).isFalse();
        assertThat(c.toString()).contains("pdfPasswords=2 hidden", "bucket=milvus-bucket")
                .doesNotContain("pw-secret", "bulk-secret", "store-secret", "first-pdf-pw", "second-pdf-pw");
    }

    /** Camel masks options whose names hold password, secretKey, accessKey, user... in the URIs it shows. */
    @Test
    void should_keep_secret_options_out_of_the_endpoints_sanitized_uri() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            String secrets = "user=RAW(ingester)&password=RAW(pw-secret)&bulkAccessKey=RAW(bulk-access)"
                    + "&bulkSecretKey=RAW(bulk-secret)&pdfPasswords=RAW(pdf-secret)&storeUri=s3://elements"
                    + "&storeS3AccessKey=RAW(store-access)&storeS3SecretKey=RAW(store-secret)";

            MilvusIngestEndpoint endpoint = context.getEndpoint("milvus-ingest:docs?" + secrets,
                    MilvusIngestEndpoint.class);

            assertThat(endpoint.getConfiguration().getBulkSecretKey()).isEqualTo("bulk-secret");
            assertThat(endpoint.getConfiguration().getPdfPasswords()).isEqualTo("pdf-secret");
            for (String shown : List.of(endpoint.toString(), URISupport.sanitizeUri(endpoint.getEndpointUri()))) {
                assertThat(shown).contains("bulkSecretKey=xxxxxx").doesNotContain("ingester", "pw-secret",
                        "bulk-access", "bulk-secret", "pdf-secret", "store-access", "store-secret");
            }
        }
    }

    @Test
    void should_name_the_new_option_of_an_invalid_value_without_showing_secrets() {
        MilvusIngestConfiguration options = new MilvusIngestConfiguration();
        options.setCollection("docs");
        options.setBulkSecretKey("bulk-secret");

        options.setCollections("{\"table\": \"9tables\"}");
        assertThatThrownBy(() -> options.toIngestConfig(HOME)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid milvus-ingest option collections: milvus.collections");
        options.setCollections(null);
        options.setBulkBucket("Not_A_Bucket");
        assertThatThrownBy(() -> options.toIngestConfig(HOME))
                .hasMessageStartingWith("invalid milvus-ingest option bulkBucket: milvus.bulk.bucket")
                .message().doesNotContain("bulk-secret");
        options.setBulkBucket("a-bucket");
        options.setStoreS3AccessKey("store-access");
        assertThatThrownBy(() -> options.toIngestConfig(HOME))
                .hasMessageStartingWith("invalid milvus-ingest option storeS3AccessKey:");
        options.setStoreS3AccessKey(null);
        options.setMaxPages(0);
        assertThatThrownBy(() -> options.toIngestConfig(HOME))
                .hasMessageStartingWith("invalid milvus-ingest option maxPages: ingest.max-pages=0");
    }
}
