package io.milvusingest.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves raw configuration values with the same precedence as Camel's properties component:
 * explicit overrides (command-line flags), JVM system properties, environment variables (key upper-cased,
 * '.' and '-' replaced by '_', e.g. {@code MILVUS_URI}), then the properties file.
 */
public final class ConfigSource {
    private final Properties file;
    private final Map<String, String> env;
    private final Map<String, String> overrides;

    private final boolean system;

    ConfigSource(Properties file, Map<String, String> env, Map<String, String> overrides) {
        this(file, env, overrides, true);
    }

    private ConfigSource(Properties file, Map<String, String> env, Map<String, String> overrides, boolean system) {
        this.file = file;
        this.env = env;
        this.overrides = overrides;
        this.system = system;
    }

    /**
     * @param propertiesFile the properties file; a missing file means "defaults only"
     * @param overrides      highest-precedence values, e.g. from command-line flags
     * @throws ConfigException when the file exists but cannot be read
     */
    public static ConfigSource load(Path propertiesFile, Map<String, String> overrides) {
        Properties props = new Properties();
        if (propertiesFile != null && Files.isRegularFile(propertiesFile)) {
            try (Reader r = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + propertiesFile + ": " + e.getMessage());
            }
        }
        return new ConfigSource(props, System.getenv(), Map.copyOf(overrides));
    }

    /**
     * @param values every value there is: no properties file, and neither JVM system properties nor environment
     *               variables are read (for a library caller such as the Camel component, whose options are all
     *               explicit)
     */
    public static ConfigSource of(Map<String, String> values) {
        return new ConfigSource(new Properties(), Map.of(), Map.copyOf(values), false);
    }

    /** @return the value for key, or null when unset or blank at every level */
    public String get(String key) {
        String v = overrides.get(key);
        if (isBlank(v) && system) {
            v = System.getProperty(key);
        }
        if (isBlank(v)) {
            v = env.get(envName(key));
        }
        if (isBlank(v)) {
            v = file.getProperty(key);
        }
        return isBlank(v) ? null : v.trim();
    }

    /** @return the environment variable that overrides key, e.g. MILVUS_URI for milvus.uri */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static boolean isBlank(String v) {
        return v == null || v.isBlank();
    }

    /** @return the raw environment variable {@code name} (for secrets named by a key), or null when unset/blank */
    public String environment(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
