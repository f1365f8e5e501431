import com.sun.net.httpserver.HttpServer;
import io.milvusingest.kafka.KafkaBroker;
import io.milvusingest.kafka.KafkaTopics;
import io.milvusingest.kafka.WorkItem;
import io.milvusingest.milvus.MilvusLiteServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/**
 * Kafka scale-out throughput: documents per second for 1, 2 and 4 {@code bin/ingest worker} processes on one real
 * Kafka broker and one Milvus Lite server, each as a ratio to 1 worker. Two embedders: an OpenAI-compatible
 * embedding STUB (not a model: constant vectors after a fixed sleep per request, standing in for a remote,
 * I/O-bound service) and the in-process model. Each leg: start N workers (one consumer each), wait until the group
 * has N members owning the topic's partitions, publish the items, time until the group's lag is 0.
 *
 * <p>Run by {@code bench/kafka-scale.sh}; arguments: {@code DOCS STUB_LATENCY_MS WORKERS... }.
 */
public class KafkaScaleBench {
    static final int PARTITIONS = 8;

    public static void main(String[] args) throws Exception {
        int docs = Integer.parseInt(args[0]);
        int latencyMs = Integer.parseInt(args[1]);
        List<Integer> counts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        Path work = Files.createTempDirectory("kafka-scale-bench");
        // short documents (one chunk) for the stub: the leg measures the queue, not our CPU; long ones (~6 chunks)
        // for the in-process model, whose CPU cost is the point
        Path shortDocs = corpus(work.resolve("short"), docs, 1);
        Path longDocs = corpus(work.resolve("long"), docs, 120);
        HttpServer stub = embeddingStub(latencyMs);
        String stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort() + "/v1";
        try (KafkaBroker broker = KafkaBroker.start(Path.of(System.getProperty("kafka.lib")));
             MilvusLiteServer lite = MilvusLiteServer.start(Path.of(".venv/bin/milvus-lite"), work.resolve("milvus"))) {
            StringBuilder table = new StringBuilder("| embedder | workers | docs | seconds | docs/s | ratio to 1 worker |\n"
                    + "|---|---|---|---|---|---|\n");
            for (String embedder : List.of("stub", "local")) {
                double base = 0;
                for (int n : counts) {
                    double seconds = leg(broker, lite, work, embedder.equals("stub") ? shortDocs : longDocs, docs,
                            embedder, stubUrl, n);
                    double rate = docs / seconds;
                    if (base == 0) {
                        base = rate; // the first leg is 1 worker
                    }
                    String row = String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.2f |%n",
                            embedder.equals("stub") ? "remote stub, " + latencyMs + " ms/request" : "in-process model",
                            n, docs, seconds, rate, rate / base);
                    table.append(row);
                    System.err.print(row);
                }
            }
            System.out.println(table);
        } finally {
            stub.stop(0);
        }
    }

    static Path corpus(Path dir, int docs, int paragraphs) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < docs; i++) {
            StringBuilder text = new StringBuilder("# Doc " + i + "\n\n");
            for (int p = 0; p < paragraphs; p++) {
                text.append("The survey counted ").append(i * 3 + p).append(" herons at station ").append(i)
                        .append(", and the tide table for the estuary was updated in entry ").append(p).append(".\n\n");
            }
            Files.writeString(dir.resolve("doc-" + i + ".md"), text);
        }
        return dir;
    }

    /** @return seconds from publishing the first item until the group's lag is 0 */
    static double leg(KafkaBroker broker, MilvusLiteServer lite, Path work, Path corpus, int docs, String embedder,
                      String stubUrl, int n) throws Exception {
        String id = embedder + "-" + n;
        String topic = "bench-" + id;
        String group = "bench-" + id;
        broker.createTopic(topic, PARTITIONS);
        List<Process> workers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                // the snapshot bench/kafka-scale.sh took (jar, lib, routes, config), as bin/ingest runs it
                String home = System.getProperty("bench.home");
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:TieredStopAtLevel=1", "-Xmx1g", "-Dingest.home=" + home, "-cp",
                        home + "/lib/*", "io.milvusingest.cli.Main", "worker", "--collection", "bench_" + embedder + n,
                        "-p", "milvus.uri=" + lite.uri(), "-p", "milvus.stream=true", "-p", "health.port=0",
                        "-p", "milvus.recreate=" + (i == 0), "-p", "ingest.report-dir=" + work.resolve("reports"),
                        "-p", "kafka.brokers=" + broker.bootstrap(), "-p", "kafka.work-topic=" + topic,
                        "-p", "kafka.group-id=" + group, "-p", "kafka.consumers=1",
                        "-p", "kafka.failed-topic=bench-failed"));
                if (embedder.equals("stub")) {
                    cmd.addAll(List.of("-p", "embed.provider=openai", "-p", "embed.remote.url=" + stubUrl,
                            "-p", "embed.remote.model=stub", "-p", "embed.remote.dimensions=384"));
                }
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(work.resolve(id + "-worker-" + i + ".log").toFile());
                workers.add(pb.start());
                if (i == 0) { // the first one creates the collection before the others look for it
                    await(() -> Files.readString(work.resolve(id + "-worker-0.log")).contains("worker: "), workers);
                }
            }
            await(() -> members(broker, group) == n, workers);
            KafkaTopics topics = new KafkaTopics(broker);
            List<WorkItem> items = new ArrayList<>();
            for (int i = 0; i < docs; i++) {
                Path f = corpus.resolve("doc-" + i + ".md");
                items.add(new WorkItem(f.toString(), null, Files.getLastModifiedTime(f).toInstant().toString(),
                        Files.size(f), WorkItem.Op.upsert));
            }
            long start = System.nanoTime();
            topics.publish(topic, items.toArray(WorkItem[]::new));
            await(() -> topics.lag(group, topic) == 0, workers);
            return (System.nanoTime() - start) / 1e9;
        } finally {
            for (Process w : workers) {
                w.destroy();
            }
            for (Process w : workers) {
                if (!w.waitFor(60, TimeUnit.SECONDS)) {
                    w.destroyForcibly();
                }
            }
        }
    }

    static int members(KafkaBroker broker, String group) throws Exception {
        try (Admin admin = broker.admin()) {
            var g = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
            long owned = g.members().stream().mapToLong(m -> m.assignment().topicPartitions().size()).sum();
            return owned == PARTITIONS ? g.members().size() : -1;
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(Check check, List<Process> workers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!check.ok()) {
            for (Process w : workers) {
                if (!w.isAlive()) {
                    throw new IllegalStateException("a worker exited with " + w.exitValue());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    /**
     * An OpenAI-compatible embedding STUB: {@code POST /v1/embeddings} sleeps {@code latencyMs}, then returns one
     * constant 384-float vector per input. Requests are served concurrently, as a remote service would.
     */
    static HttpServer embeddingStub(int latencyMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        Pattern input = Pattern.compile("\"input\"\\s*:\\s*\\[(.*)\\]", Pattern.DOTALL);
        StringBuilder vector = new StringBuilder("[");
        for (int i = 0; i < 384; i++) {
            vector.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "0.1" : "0.01");
        }
        String vec = vector.append(']').toString();
        server.createContext("/v1/embeddings", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = input.matcher(body);
            int n = 1;
            if (m.find()) { // count the JSON strings of the input array
                n = Math.max(1, m.group(1).split("\"\\s*,\\s*\"", -1).length);
            }
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StringBuilder out = new StringBuilder("{\"object\":\"list\",\"model\":\"stub\",\"data\":[");
            for (int i = 0; i < n; i++) {
                out.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                        .append(",\"embedding\":").append(vec).append('}');
            }
            byte[] bytes = out.append("],\"usage\":{\"prompt_tokens\":0,\"total_tokens\":0}}").toString()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
