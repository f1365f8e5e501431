package io.milvusingest.cli;

import io.milvusingest.config.ConfigSource;
import io.milvusingest.config.IngestConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every subcommand takes: where the configuration is and per-run overrides of its keys. */
final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (default: <home>/config/application.properties).")
    Path configFile;

    @Option(names = "--collection", paramLabel = "NAME", description = "Milvus collection (milvus.collection).")
    String collection;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "Override any configuration key, e.g. -p milvus.uri=http://localhost:19530")
    Map<String, String> properties = new LinkedHashMap<>();

    /** Project directory: relative paths in the configuration resolve against it (set by bin/ingest). */
    static Path home() {
        return Path.of(System.getProperty("ingest.home", ".")).toAbsolutePath().normalize();
    }

    IngestConfig load(Map<String, String> extra) {
        return IngestConfig.from(source(extra), home());
    }

    /** @return the configuration file with the command line's overrides and {@code extra}, not yet validated */
    ConfigSource source(Map<String, String> extra) {
        Map<String, String> overrides = new LinkedHashMap<>(properties);
        if (collection != null) {
            overrides.put("milvus.collection", collection);
        }
        overrides.putAll(extra);
        Path file = configFile != null ? configFile : home().resolve("config/application.properties");
        return ConfigSource.load(file, overrides);
    }
}
