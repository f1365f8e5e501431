package io.milvusingest.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvusingest.model.ContentType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code milvus.collections}: which collection each content type's rows go to, as NeMo Retriever's dict-valued
 * {@code collection_name} does, e.g. {@code {"text": "docs", "table": "tables", "image": "images"}}. Keys are
 * content types ({@code text}, {@code table}, {@code chart}, {@code image}); values Milvus collection names. Types
 * not listed go to {@code milvus.collection}. (NeMo's dict reads the other way round, collection to types:
 * {@code {"docs": "text", "tbls": ["tables", "charts"]}} is ours {@code {"text": "docs", "table": "tbls",
 * "chart": "tbls"}}.)
 */
public final class CollectionRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CollectionRoutes() {
    }

    /**
     * @param json the key's value, or null/blank for no routing
     * @return content type to collection name; empty when not set
     * @throws ConfigException naming {@code milvus.collections} for bad JSON, an unknown type or a bad name
     */
    static Map<ContentType, String> parse(String json) {
        Map<ContentType, String> routes = new EnumMap<>(ContentType.class);
        if (json == null || json.isBlank()) {
            return routes;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("milvus.collections='" + json + "' is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("milvus.collections='" + json + "' must be a JSON object such as"
                    + " {\"text\": \"docs\", \"table\": \"tables\", \"image\": \"images\"}");
        }
        root.fields().forEachRemaining(e -> {
            ContentType type;
            try {
                type = ContentType.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException("milvus.collections: '" + e.getKey() + "' is not a content type (text,"
                        + " table, chart, image)");
            }
            String name = e.getValue().isTextual() ? e.getValue().asText() : "";
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,254}")) {
                throw new ConfigException("milvus.collections: " + e.getKey() + " -> '" + e.getValue().asText()
                        + "' is not a valid Milvus collection name (letters, digits and '_', not starting with a digit)");
            }
            routes.put(type, name);
        });
        return routes;
    }
}
