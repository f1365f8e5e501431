package io.milvusingest.nemo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Field-by-field comparison of two collections as the server describes them (pymilvus {@code describe_collection}
 * and {@code describe_index}): every property of the collection, each field (type, params such as dim, max_length,
 * analyzer, nullability, primary key, auto id), each function and each index (type, metric, params) becomes one
 * {@code key -> value} entry; row counts and ids are left out.
 */
final class SchemaDiff {
    /** What the README's table says a missing property is. */
    static final String ABSENT = "absent";
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Set<String> VOLATILE = Set.of("collection_name", "collection_id", "field_id", "total_rows",
            "indexed_rows", "pending_index_rows", "state", "id", "aliases", "input_field_ids", "output_field_ids");

    private SchemaDiff() {
    }

    /** @return the described collection as {@code key -> value} (values as compact JSON text) */
    static Map<String, String> flatten(JsonNode described) {
        Map<String, String> out = new TreeMap<>();
        JsonNode collection = described.get("collection");
        collection.fields().forEachRemaining(e -> {
            if (!List.of("fields", "functions").contains(e.getKey())) {
                put(out, "collection." + e.getKey(), e.getValue());
            }
        });
        for (JsonNode field : collection.get("fields")) {
            String prefix = "field." + field.get("name").asText() + ".";
            field.fields().forEachRemaining(e -> {
                if (e.getKey().equals("params")) {
                    e.getValue().fields().forEachRemaining(p -> put(out, prefix + "params." + p.getKey(), p.getValue()));
                } else if (!e.getKey().equals("name")) {
                    put(out, prefix + e.getKey(), e.getValue());
                }
            });
        }
        for (JsonNode function : collection.path("functions")) {
            String prefix = "function." + function.get("name").asText() + ".";
            function.fields().forEachRemaining(e -> put(out, prefix + e.getKey(), e.getValue()));
        }
        for (JsonNode index : described.get("indexes")) {
            String prefix = "index." + index.get("field_name").asText() + ".";
            index.fields().forEachRemaining(e -> {
                if (e.getKey().equals("params")) {
                    e.getValue().fields().forEachRemaining(p -> put(out, prefix + "params." + p.getKey(), p.getValue()));
                } else {
                    put(out, prefix + e.getKey(), e.getValue());
                }
            });
        }
        return out;
    }

    /** @return {@code key -> [ours, theirs]} for every key whose values differ ({@link #ABSENT} where missing) */
    static Map<String, List<String>> diff(Map<String, String> ours, Map<String, String> theirs) {
        Set<String> keys = new TreeSet<>(ours.keySet());
        keys.addAll(theirs.keySet());
        Map<String, List<String>> out = new TreeMap<>();
        for (String key : keys) {
            String a = ours.getOrDefault(key, ABSENT);
            String b = theirs.getOrDefault(key, ABSENT);
            if (!a.equals(b)) {
                out.put(key, List.of(a, b));
            }
        }
        return out;
    }

    /**
     * @return the README's table under {@code heading}: rows {@code | `key` | `ours` | `theirs` | why |} as
     *     {@code key -> [ours, theirs]}, backticks removed
     */
    static Map<String, List<String>> readmeTable(Path readme, String heading) {
        try {
            List<String> lines = Files.readAllLines(readme);
            int start = lines.indexOf(heading);
            if (start < 0) {
                throw new AssertionError("README has no section " + heading);
            }
            Map<String, List<String>> out = new TreeMap<>();
            for (String line : lines.subList(start + 1, lines.size())) {
                if (line.startsWith("#")) {
                    break;
                }
                if (line.startsWith("| `")) {
                    String[] cells = line.split("\\|");
                    out.put(unquote(cells[1]), List.of(unquote(cells[2]), unquote(cells[3])));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }

    private static void put(Map<String, String> out, String key, JsonNode value) {
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        if (VOLATILE.contains(leaf)) {
            return;
        }
        JsonNode v = value;
        if (leaf.equals("analyzer_params") && value.isTextual()) { // a JSON string: compare its meaning, not its key order
            try {
                v = JSON.readTree(value.asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            out.put(key, JSON.writeValueAsString(JSON.treeToValue(v, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
