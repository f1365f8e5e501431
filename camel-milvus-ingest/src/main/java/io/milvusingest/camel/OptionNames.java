package io.milvusingest.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoint option behind each {@code config/application.properties} key, read from the generated catalog: every
 * option's description names its key in parentheses, e.g. {@code (milvus.collections)}, so the pairs are written
 * once, in the {@code @UriParam} annotations. The core's configuration errors name keys; endpoint users know options.
 */
final class OptionNames {
    private static final String CATALOG = "/META-INF/io/milvusingest/camel/milvus-ingest.json";
    private static final Pattern KEY = Pattern.compile("\\(([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\\)");
    private static final Pattern LEADING_KEY = Pattern.compile("^([a-z0-9-]+(?:\\.[a-z0-9-]+)+)");
    private static volatile Map<String, String> byKey;

    private OptionNames() {
    }

    /**
     * @param message a configuration error, starting with the key of the bad value, e.g.
     *                {@code milvus.collections='x' is not JSON}
     * @return the option of that key, e.g. {@code collections}, or null when the message starts with no known key
     */
    static String optionOf(String message) {
        Matcher m = LEADING_KEY.matcher(message == null ? "" : message);
        return m.find() ? byKey().get(m.group(1)) : null;
    }

    private static Map<String, String> byKey() {
        Map<String, String> map = byKey;
        if (map == null) {
            map = new HashMap<>();
            try (InputStream in = OptionNames.class.getResourceAsStream(CATALOG)) {
                if (in == null) {
                    throw new IllegalStateException(CATALOG + " is missing from the class path");
                }
                for (var it = new ObjectMapper().readTree(in).get("properties").fields(); it.hasNext(); ) {
                    var option = it.next();
                    JsonNode description = option.getValue().get("description");
                    Matcher m = KEY.matcher(description == null ? "" : description.asText());
                    if (m.find()) {
                        map.putIfAbsent(m.group(1), option.getKey());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byKey = Map.copyOf(map);
        }
        return map;
    }
}
