package io.milvusingest.milvus;

/**
 * Builds Milvus boolean filter expressions from untrusted values (paths, object keys) without letting
 * them change the expression's meaning.
 *
 * <p>Milvus string literals are double-quoted with C-style escapes. {@link #quote} escapes backslash,
 * double quote, {@code \n}, {@code \r} and {@code \t} (a raw line break is illegal in a literal, both in
 * Milvus and in Milvus Lite); every other character, including non-ASCII, is passed through verbatim.
 * {@code \}{@code uXXXX} escapes are deliberately not used: Milvus Lite 3.2.2 rejects them.
 */
public final class Filters {

    private Filters() {
    }

    /** @return {@code value} as a double-quoted, escaped Milvus string literal */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** @return {@code field["key"]["key2"]...}, the path of a (nested) key inside a JSON field */
    public static String jsonPath(String field, String... keys) {
        StringBuilder path = new StringBuilder(field);
        for (String key : keys) {
            path.append('[').append(quote(key)).append(']');
        }
        return path.toString();
    }

    /** @return {@code source["source_id"] == "<sourceId>"} */
    public static String sourceIdEquals(String sourceId) {
        return jsonPath(Fields.SOURCE, Fields.SOURCE_ID) + " == " + quote(sourceId);
    }

    /** @return {@code source["source_id"] in ["a", "b", ...]} */
    public static String sourceIdIn(java.util.List<String> sourceIds) {
        return jsonPath(Fields.SOURCE, Fields.SOURCE_ID) + " in ["
                + String.join(", ", sourceIds.stream().map(Filters::quote).toList()) + "]";
    }

    /** @return {@code (a) and (b)}, or the non-blank one alone, or null when both are blank */
    public static String and(String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        if (hasA && hasB) {
            return "(" + a + ") and (" + b + ")";
        }
        return hasA ? a : hasB ? b : null;
    }
}
