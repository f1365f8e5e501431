package io.milvusingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvusingest.extract.ExtractOptions;
import io.milvusingest.extract.TextDepth;
import io.milvusingest.extract.UploadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
    private static final Path HOME = Path.of("/opt/app");

    private static IngestConfig config(Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
        Properties p = new Properties();
        p.putAll(file);
        return IngestConfig.from(new ConfigSource(p, env, flags), HOME);
    }

    @Test
    void should_use_documented_defaults_when_nothing_is_set() {
        IngestConfig c = config(Map.of(), Map.of(), Map.of());
        assertThat(c.inbox()).isEqualTo(Path.of("/opt/app/inbox"));
        assertThat(c.chunkSize()).isEqualTo(384);
        assertThat(c.chunkOverlap()).isEqualTo(64);
        assertThat(c.milvus().uri()).isEqualTo("./data/milvus");
        assertThat(c.milvus().embedded()).isTrue();
        assertThat(c.milvus().collection()).isEqualTo("nv_ingest_collection");
        assertThat(c.milvus().liteCommand()).isEqualTo(Path.of("/opt/app/.venv/bin/milvus-lite"));
    }

    @Test
    void should_run_two_documents_and_two_single_threaded_inference_calls_at_once_by_default() {
        IngestConfig c = config(Map.of(), Map.of(), Map.of());
        assertThat(c.pipelining().workers()).isEqualTo(2);
        assertThat(c.pipelining().embedParallelism()).isEqualTo(2);
        assertThat(c.embedThreads()).isEqualTo(1);
    }

    @Test
    void should_name_the_key_when_workers_or_parallelism_are_out_of_range() {
        assertThatThrownBy(() -> config(Map.of("ingest.workers", "0"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.workers=0");
        assertThatThrownBy(() -> config(Map.of(), Map.of(), Map.of("embed.parallelism", "65")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("embed.parallelism=65 must be at most 64");
    }

    @Test
    void should_let_flags_override_environment_and_environment_override_file() {
        IngestConfig c = config(Map.of("milvus.uri", "./x", "chunk.size", "100", "milvus.collection", "from_file"),
                Map.of("MILVUS_URI", "http://milvus:19530", "CHUNK_SIZE", "200"),
                Map.of("chunk.size", "300"));
        assertThat(c.milvus().uri()).isEqualTo("http://milvus:19530");
        assertThat(c.milvus().embedded()).isFalse();
        assertThat(c.chunkSize()).isEqualTo(300);
        assertThat(c.milvus().collection()).isEqualTo("from_file");
    }

    @Test
    void should_fuse_by_min_max_and_embed_queries_as_queries_by_default_and_read_the_search_keys() {
        assertThat(config(Map.of(), Map.of(), Map.of()).search()).isEqualTo(io.milvusingest.milvus.SearchOptions.DEFAULTS);
        assertThat(io.milvusingest.milvus.SearchOptions.DEFAULTS.fusion())
                .isEqualTo(io.milvusingest.milvus.SearchOptions.Fusion.MINMAX);
        var search = config(Map.of(), Map.of(), Map.of("search.ranker", "Weighted", "search.dense-weight", "0.7",
                "search.query-instruction", "false", "search.candidates", "20")).search();
        assertThat(search.fusion()).isEqualTo(io.milvusingest.milvus.SearchOptions.Fusion.WEIGHTED);
        assertThat(search.denseWeight()).isEqualTo(0.7);
        assertThat(search.queryInstruction()).isFalse();
        assertThat(search.candidates()).isEqualTo(20);
        assertThatThrownBy(() -> config(Map.of(), Map.of(), Map.of("search.candidates", "20000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.candidates=20000 must be at most 16384");
        assertThatThrownBy(() -> config(Map.of(), Map.of(), Map.of("search.ranker", "max")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.ranker='max' must be one of minmax, rrf, weighted");
        assertThatThrownBy(() -> config(Map.of(), Map.of(), Map.of("search.dense-weight", "1.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.dense-weight=1.5 must be between 0 and 1");
        assertThatThrownBy(() -> config(Map.of(), Map.of(), Map.of("search.dense-weight", "half")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.dense-weight='half' is not a number");
    }

    @Test
    void should_name_the_key_when_a_number_is_malformed() {
        assertThatThrownBy(() -> config(Map.of("chunk.size", "big"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("chunk.size");
    }

    @Test
    void should_reject_overlap_not_smaller_than_size() {
        assertThatThrownBy(() -> config(Map.of("chunk.size", "100", "chunk.overlap", "100"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("chunk.overlap").hasMessageContaining("chunk.size");
    }

    @Test
    void should_reject_an_invalid_collection_name() {
        assertThatThrownBy(() -> config(Map.of("milvus.collection", "my-docs"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("milvus.collection");
    }

    @Test
    void should_split_password_list_and_keep_non_ascii() {
        IngestConfig c = config(Map.of("extract.pdf.passwords", "view, æøå ,623"), Map.of(), Map.of());
        assertThat(c.pdfPasswords()).containsExactly("view", "æøå", "623");
    }

    @Test
    void should_never_print_secrets_in_milvus_config() {
        IngestConfig c = config(Map.of(), Map.of("MILVUS_TOKEN", "root:SuperSecret123"), Map.of());
        assertThat(c.milvus().token()).isEqualTo("root:SuperSecret123");
        assertThat(c.milvus().toString()).doesNotContain("SuperSecret123").contains("auth=token");
        assertThat(c.toString()).doesNotContain("SuperSecret123");
    }

    @Test
    void should_extract_and_upload_everything_per_page_with_page_OCR_by_default() {
        IngestConfig c = config(Map.of(), Map.of(), Map.of());
        assertThat(c.extract()).isEqualTo(ExtractOptions.ALL);
        assertThat(c.upload()).isEqualTo(UploadOptions.ALL);
        assertThat(c.ocr()).isEqualTo(new OcrConfig(true, 120, false)); // embedded-image OCR is opt-in
        assertThat(c.include()).contains("docx", "pptx", "png", "tiff");
    }

    @Test
    void should_read_the_extract_and_upload_flags() {
        IngestConfig c = config(Map.of("extract.images", "false", "extract.text-depth", "Document",
                "upload.enable-tables", "false", "extract.ocr", "false"), Map.of(), Map.of());
        assertThat(c.extract()).isEqualTo(new ExtractOptions(true, true, false, TextDepth.DOCUMENT));
        assertThat(c.upload()).isEqualTo(new UploadOptions(true, false, true));
        assertThat(c.ocr().enabled()).isFalse();
    }

    @Test
    void should_name_the_key_of_an_invalid_text_depth() {
        assertThatThrownBy(() -> config(Map.of("extract.text-depth", "chapter"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("extract.text-depth='chapter' must be page or document");
    }

    @Test
    void should_use_the_in_process_model_unless_embed_provider_is_openai() {
        assertThat(config(Map.of(), Map.of(), Map.of()).remoteEmbedder()).isNull();
    }

    @Test
    void should_read_the_remote_embedder_with_its_key_from_the_named_environment_variable() {
        IngestConfig c = config(Map.of("embed.provider", "openai", "embed.remote.url", "http://nim:8000/v1",
                "embed.remote.model", "nvidia/llama-3.2-nv-embedqa-1b-v2", "embed.remote.api-key-env", "MY_KEY",
                "embed.remote.dimensions", "1024"), Map.of("MY_KEY", "secret-key"), Map.of());
        assertThat(c.remoteEmbedder().apiKey()).isEqualTo("secret-key");
        assertThat(c.remoteEmbedder().dimensions()).isEqualTo(1024);
        assertThat(c.remoteEmbedder().truncate()).isEqualTo("END");
        assertThat(c.remoteEmbedder().batchSize()).isEqualTo(32);
        assertThat(c.remoteEmbedder().toString()).doesNotContain("secret-key");
    }

    @Test
    void should_name_the_key_when_the_remote_embedder_is_incomplete() {
        assertThatThrownBy(() -> config(Map.of("embed.provider", "openai"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("embed.remote.url=''");
        assertThatThrownBy(() -> config(Map.of("embed.provider", "nim"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("embed.provider='nim' must be local or openai");
    }

    @Test
    void should_caption_only_when_enabled_and_then_require_url_and_model() {
        assertThat(config(Map.of(), Map.of(), Map.of()).caption()).isNull();
        assertThatThrownBy(() -> config(Map.of("caption.enabled", "true"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("caption.url=''");
        IngestConfig c = config(Map.of("caption.enabled", "true", "caption.url", "http://vlm:8000/v1",
                "caption.model", "nvidia/vila"), Map.of("NVIDIA_API_KEY", "k-123"), Map.of());
        assertThat(c.caption().prompt()).isEqualTo("Caption the content of this image:");
        assertThat(c.caption().apiKey()).isEqualTo("k-123");
        assertThat(c.caption().toString()).doesNotContain("k-123");
    }

    @Test
    void should_space_commits_10_s_apart_on_a_server_and_not_at_all_on_embedded_milvus_lite() {
        assertThat(config(Map.of(), Map.of(), Map.of()).milvus().commitMinIntervalMs()).isZero();
        assertThat(config(Map.of("milvus.uri", "http://milvus:19530"), Map.of(), Map.of()).milvus()
                .commitMinIntervalMs()).isEqualTo(10_000);
        assertThat(config(Map.of("milvus.uri", "http://milvus:19530", "milvus.commit.min-interval-ms", "2500"),
                Map.of(), Map.of()).milvus().commitMinIntervalMs()).isEqualTo(2500);
    }

    @Test
    void should_connect_within_10_s_and_give_each_milvus_call_5_min_unless_configured() {
        var m = config(Map.of(), Map.of(), Map.of()).milvus();
        assertThat(m.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(m.callTimeout()).isEqualTo(java.time.Duration.ofMinutes(5));
        var set = config(Map.of("milvus.connect-timeout-ms", "2500", "milvus.call-timeout-ms", "0"), Map.of(), Map.of())
                .milvus();
        assertThat(set.connectTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(set.callTimeout()).as("0: no deadline").isZero();
        assertThatThrownBy(() -> config(Map.of("milvus.call-timeout-ms", "-1"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("milvus.call-timeout-ms");
        assertThatThrownBy(() -> config(Map.of("milvus.connect-timeout-ms", "0"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("milvus.connect-timeout-ms");
    }

    @Test
    void should_name_the_key_when_the_commit_interval_is_negative() {
        assertThatThrownBy(() -> config(Map.of("milvus.commit.min-interval-ms", "-1"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("milvus.commit.min-interval-ms");
    }

    @Test
    void serveBindsToLoopbackByDefaultAndChecksItsPort() {
        IngestConfig defaults = config(Map.of(), Map.of(), Map.of());
        assertThat(defaults.serve()).isEqualTo(new ServeConfig("127.0.0.1", 8000, List.of(defaults.inbox()), 65_536, false));
        assertThat(defaults.serve().loopback()).isTrue();
        ServeConfig open = config(Map.of(), Map.of("SERVE_HOST", "0.0.0.0"), Map.of("serve.port", "9100")).serve();
        assertThat(open.host()).isEqualTo("0.0.0.0");
        assertThat(open.port()).isEqualTo(9100);
        assertThat(open.loopback()).isFalse();
        assertThatThrownBy(() -> config(Map.of(), Map.of(), Map.of("serve.port", "70000")))
                .hasMessageContaining("serve.port=70000 must be at most 65535");
    }

    @Test
    void should_walk_ten_levels_follow_links_inside_the_inbox_and_serve_health_on_loopback_by_default() {
        IngestConfig c = config(Map.of(), Map.of(), Map.of());
        assertThat(c.dropFolder().maxDepth()).isEqualTo(10);
        assertThat(c.dropFolder().followSymlinks()).isEqualTo(FollowSymlinks.INSIDE);
        assertThat(c.healthHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void should_read_the_drop_folder_walk_and_the_health_host() {
        IngestConfig c = config(Map.of("ingest.max-depth", "0", "ingest.follow-symlinks", "NEVER"),
                Map.of("HEALTH_HOST", "0.0.0.0"), Map.of());
        assertThat(c.dropFolder().maxDepth()).isZero();
        assertThat(c.dropFolder().followSymlinks()).isEqualTo(FollowSymlinks.NEVER);
        assertThat(c.healthHost()).isEqualTo("0.0.0.0");
        assertThat(config(Map.of("health.host", "::1"), Map.of(), Map.of()).healthHost()).isEqualTo("::1");
    }

    @Test
    void should_name_the_key_of_an_invalid_depth_link_policy_or_host() {
        assertThatThrownBy(() -> config(Map.of("ingest.max-depth", "65"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.max-depth=65 must be between 0 and 64");
        assertThatThrownBy(() -> config(Map.of("ingest.follow-symlinks", "always"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.follow-symlinks='always'")
                .hasMessageContaining("inside, never");
        assertThatThrownBy(() -> config(Map.of("health.host", "http://0.0.0.0:8080"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("health.host='http://0.0.0.0:8080'");
    }

    @Test
    void storeTakesAFolderOrABucketPrefixAndRefusesPrefixesThatClimb() {
        assertThat(config(Map.of("store.uri", "s3://docs-store/a/b/"), Map.of(), Map.of()).store().s3()).isTrue();
        assertThat(config(Map.of("store.uri", "file:///srv/store"), Map.of(), Map.of()).store().s3()).isFalse();
        for (String bad : List.of("s3://Bad_Bucket/x", "s3://docs-store/a/../b", "s3://docs-store/a//b",
                "s3://docs-store/./b", "store", "http://x/y")) {
            assertThatThrownBy(() -> config(Map.of("store.uri", bad), Map.of(), Map.of())).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("store.uri='" + bad + "'");
        }
        assertThatThrownBy(() -> config(Map.of("store.s3.access-key", "k"), Map.of(), Map.of()))
                .hasMessageContaining("store.s3.access-key and store.s3.secret-key must be set together");
        StoreConfig withKeys = config(Map.of("store.uri", "s3://docs-store", "store.s3.access-key", "k",
                "store.s3.secret-key", "s3cret"), Map.of(), Map.of()).store();
        assertThat(withKeys.toString()).doesNotContain("s3cret");
    }

    @Test
    void collectionsRouteContentTypesAndNameTheKeyOnErrors() {
        assertThat(config(Map.of(), Map.of(), Map.of()).milvus().routes()).isEmpty();
        assertThat(config(Map.of("milvus.collections", "{\"text\": \"docs\", \"Table\": \"tables\"}"), Map.of(), Map.of())
                .milvus().routes()).isEqualTo(Map.of(io.milvusingest.model.ContentType.TEXT, "docs",
                io.milvusingest.model.ContentType.TABLE, "tables"));
        for (String bad : List.of("docs", "{\"audio\": \"a\"}", "{\"text\": \"9docs\"}", "{\"text\": 3}", "[1]")) {
            assertThatThrownBy(() -> config(Map.of("milvus.collections", bad), Map.of(), Map.of())).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("milvus.collections");
        }
    }
}
