package com.example.estate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both routes against the Milvus at -Dmilvus.uri: a file dropped in each inbox is ingested into "docs", and a
 * search through the component finds each.
 */
class EstateTest {

    @Test
    void javaAndYamlRoutesIngestAndSearchFindsBoth(@TempDir Path tmp) throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path kameletInbox = Files.createDirectories(tmp.resolve("kamelet-inbox"));
        Main main = EstateApp.main();
        Properties p = new Properties();
        p.setProperty("inbox", inbox.toString());
        p.setProperty("kamelet-inbox", kameletInbox.toString());
        p.setProperty("milvus.uri", System.getProperty("milvus.uri"));
        main.setOverrideProperties(p);
        Thread camel = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        camel.start();
        try {
            Files.writeString(inbox.resolve("lighthouse.txt"),
                    "The lighthouse keeper trims the lamp wick every evening before the fog rolls in.");
            Files.writeString(kameletInbox.resolve("orchard.txt"),
                    "Apple orchards are pruned in late winter, while the trees are dormant.");
            await(inbox.resolve(".done/lighthouse.txt"));
            await(kameletInbox.resolve(".done/orchard.txt"));

            var template = main.getCamelContext().createProducerTemplate();
            String search = "milvus-ingest:docs?operation=search&searchMode=dense&topK=1&milvusUri="
                    + System.getProperty("milvus.uri") + "&stream=true";
            List<?> lamp = template.requestBody(search, "Who trims the lamp wick?", List.class);
            List<?> apples = template.requestBody(search, "When are apple trees pruned?", List.class);
            assertTrue(lamp.toString().contains("lighthouse.txt"), lamp.toString());
            assertTrue(apples.toString().contains("orchard.txt"), apples.toString());
        } finally {
            main.completed();
            camel.join(30_000);
        }
    }

    private static void await(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(Files.exists(file), file + " (not ingested in 120 s)");
    }
}
