package io.milvusingest.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Apache Kafka broker (KRaft mode, one node acting as broker and controller) in its own process, on
 * 127.0.0.1 and free ports, with its log in a temp folder. Its class path is the jars {@code bin/setup-kafka}
 * resolves (version in {@code bin/kafka/pom.xml}), never the test's: the test JVM holds camel-kafka's client.
 * Formatted with {@code kafka.tools.StorageTool}, started with {@code kafka.Kafka}; ready when an Admin client
 * sees the node.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final long READY_TIMEOUT_MS = 60_000;

    private final Process process;
    private final Path home;
    private final String bootstrap;

    private KafkaBroker(Process process, Path home, String bootstrap) {
        this.process = process;
        this.home = home;
        this.bootstrap = bootstrap;
    }

    /** @param lib the folder of the broker's jars */
    public static KafkaBroker start(Path lib) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("kafka-broker-");
        int port = freePort();
        int controller = freePort();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", home.resolve("data").toString());
        // one node: internal topics with one replica; a joining consumer is assigned at once
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "6");
        Path config = home.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "test broker");
        }
        Files.writeString(home.resolve("log4j.properties"), String.join("\n",
                "log4j.rootLogger=WARN, file",
                "log4j.appender.file=org.apache.log4j.FileAppender",
                "log4j.appender.file.File=" + home.resolve("server.log"),
                "log4j.appender.file.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n", ""));
        String cp = lib.resolve("*").toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> format = List.of(java, "-cp", cp, "-Dlog4j.configuration=file:" + home.resolve("log4j.properties"),
                "kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                "-c", config.toString());
        Process f = new ProcessBuilder(format).redirectErrorStream(true)
                .redirectOutput(home.resolve("format.log").toFile()).start();
        if (!f.waitFor(60, TimeUnit.SECONDS) || f.exitValue() != 0) {
            f.destroyForcibly();
            throw new IllegalStateException("kafka.tools.StorageTool format failed: "
                    + Files.readString(home.resolve("format.log")));
        }
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                "-Dlog4j.configuration=file:" + home.resolve("log4j.properties"), "kafka.Kafka", config.toString()));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout.log").toFile()).start();
        KafkaBroker broker = new KafkaBroker(process, home, "127.0.0.1:" + port);
        broker.awaitReady();
        return broker;
    }

    /** @return bootstrap servers, {@code 127.0.0.1:port} */
    public String bootstrap() {
        return bootstrap;
    }

    /** @return an Admin client of this broker; the caller closes it */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Creates the topics (one replica each), waiting until created. */
    public void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + ": "
                        + Files.readString(home.resolve("stdout.log")) + tail(home.resolve("server.log")));
            }
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the Kafka broker was not ready within " + READY_TIMEOUT_MS + " ms", last);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder: left for the OS
        }
    }

    /** @return the broker jars folder: {@code -Dkafka.lib}, else what {@code bin/setup-kafka} prints */
    static Path lib() {
        String configured = System.getProperty("kafka.lib");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Process setup = new ProcessBuilder("bin/setup-kafka").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String path;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(setup.getInputStream(),
                    StandardCharsets.UTF_8))) {
                path = out.lines().reduce((a, b) -> b).orElse("");
            }
            if (!setup.waitFor(10, TimeUnit.MINUTES) || setup.exitValue() != 0
                    || !Files.isDirectory(Path.of(path))) {
                throw new IllegalStateException("bin/setup-kafka did not provide the broker jars (got '" + path + "')");
            }
            return Path.of(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/setup-kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running bin/setup-kafka", e);
        }
    }
}
