package io.milvusingest.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yaml cannot run here (no Docker engine), so its structure is checked: the services, the ports
 * clients need, the bucket and credentials shared by Milvus, MinIO and the app, and named volumes.
 */
class DockerComposeTest {
    static Map<String, Object> compose;

    @BeforeAll
    static void parse() throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("docker-compose.yaml"))) {
            compose = new Yaml().load(r); // SnakeYAML resolves the &milvus-env anchors
        }
    }

    @Test
    void should_define_milvus_standalone_2_5_or_newer_with_etcd_minio_and_the_app() {
        assertThat(services()).containsKeys("etcd", "minio", "standalone", "standalone-gpu", "app");
        String image = (String) service("standalone").get("image");
        assertThat(image).startsWith("milvusdb/milvus:v");
        String[] version = image.substring(image.indexOf(":v") + 2).split("[.-]");
        assertThat(Integer.parseInt(version[0]) * 100 + Integer.parseInt(version[1])).isGreaterThanOrEqualTo(205);
        assertThat(service("standalone").get("command")).isEqualTo(List.of("milvus", "run", "standalone"));
        assertThat(service("app").get("build")).isEqualTo(".");
        assertThat(Path.of("Dockerfile")).exists();
    }

    @Test
    void should_expose_the_milvus_and_minio_ports_to_clients() {
        assertThat(strings(service("standalone").get("ports"))).contains("19530:19530");
        assertThat(strings(service("standalone-gpu").get("ports"))).contains("19530:19530");
        assertThat(strings(service("minio").get("ports"))).contains("9000:9000");
    }

    @Test
    void should_make_the_app_stage_import_files_in_milvus_bucket_with_minio_credentials() {
        Map<String, Object> milvus = env("standalone");
        Map<String, Object> app = env("app");
        Map<String, Object> minio = env("minio");
        assertThat(app.get("MILVUS_BULK_BUCKET")).isEqualTo(milvus.get("MINIO_BUCKET_NAME")).isNotNull();
        assertThat(app.get("MILVUS_BULK_ACCESS_KEY")).isEqualTo(milvus.get("MINIO_ACCESS_KEY_ID"))
                .isEqualTo(minio.get("MINIO_ROOT_USER"));
        assertThat(app.get("MILVUS_BULK_SECRET_KEY")).isEqualTo(milvus.get("MINIO_SECRET_ACCESS_KEY"))
                .isEqualTo(minio.get("MINIO_ROOT_PASSWORD"));
        assertThat(app.get("MILVUS_BULK_ENDPOINT")).isEqualTo(milvus.get("MINIO_ADDRESS")).isEqualTo("minio:9000");
        assertThat(app.get("MILVUS_URI")).isEqualTo("http://standalone:19530");
        assertThat((String) app.get("MILVUS_BULK_PREFIX")).startsWith("files/"); // under Milvus's default rootPath
        assertThat(env("standalone-gpu")).isEqualTo(milvus);
    }

    @Test
    void should_run_the_gpu_image_under_the_gpu_profile() {
        assertThat((String) service("standalone-gpu").get("image")).endsWith("-gpu");
        assertThat(strings(service("standalone-gpu").get("profiles"))).containsExactly("gpu");
        assertThat(strings(service("standalone").get("profiles"))).containsExactly("cpu");
        assertThat(strings(service("app").get("profiles"))).contains("cpu", "gpu");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_persist_data_in_declared_named_volumes() {
        Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
        for (String name : List.of("etcd", "minio", "standalone", "app", "kafka", "planner", "worker")) {
            List<String> mounts = strings(service(name).get("volumes"));
            assertThat(mounts).as(name).isNotEmpty();
            for (String m : mounts) {
                String source = m.substring(0, m.indexOf(':'));
                assertThat(source).as(name + " mounts a named volume, not a host path").doesNotContain("/");
                assertThat(volumes).as("declared volume " + source).containsKey(source);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_scale_out_with_a_kraft_kafka_one_planner_and_workers_without_published_ports() {
        assertThat(services()).containsKeys("kafka", "planner", "worker");
        for (String name : List.of("kafka", "planner", "worker")) {
            assertThat(strings(service(name).get("profiles"))).as(name).containsExactly("scale");
        }
        Map<String, Object> kafka = env("kafka");
        assertThat((String) service("kafka").get("image")).isEqualTo("apache/kafka:3.9.1");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).as("KRaft, no ZooKeeper").isEqualTo("broker,controller");
        assertThat(kafka).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS"))).contains("kafka:9092");
        assertThat(((Number) kafka.get("KAFKA_NUM_PARTITIONS")).intValue()).as("room for several workers")
                .isGreaterThanOrEqualTo(4);

        Map<String, Object> worker = service("worker");
        assertThat(strings(worker.get("command"))).containsExactly("worker");
        assertThat(strings(service("planner").get("command"))).containsExactly("planner");
        assertThat(worker).as("a scaled service publishes no host port").doesNotContainKeys("ports", "container_name");
        assertThat(env("worker")).isEqualTo(env("planner"));
        assertThat(env("worker").get("KAFKA_BROKERS")).isEqualTo("kafka:9092");
        assertThat(env("worker").get("MILVUS_URI")).isEqualTo(env("app").get("MILVUS_URI"));
        assertThat(env("worker").get("SYNC_S3_ACCESS_KEY")).isEqualTo(env("minio").get("MINIO_ROOT_USER"));
        assertThat(env("worker").get("SYNC_S3_SECRET_KEY")).isEqualTo(env("minio").get("MINIO_ROOT_PASSWORD"));
        assertThat(String.valueOf(env("worker").get("SYNC_S3_URI_ENDPOINT_OVERRIDE"))).isEqualTo("http://minio:9000");
        assertThat(((Map<String, Object>) worker.get("depends_on"))).containsKey("kafka");
        assertThat(strings(service("planner").get("volumes"))).anyMatch(v -> v.endsWith(":"
                + env("planner").get("KAFKA_PLANNER_LOCK_DIR")));
        assertThat(strings(worker.get("volumes"))).anyMatch(v -> v.endsWith(":" + env("worker").get("KAFKA_SHARED_DIR")));
        assertThat(worker.get("stop_grace_period")).as("time to finish in-flight documents on SIGTERM").isNotNull();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> services() {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) {
        return (Map<String, Object>) services().get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> env(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object list) {
        return list == null ? List.of() : ((List<Object>) list).stream().map(String::valueOf).toList();
    }
}
