package io.milvusingest.milvus;

import io.milvusingest.model.ContentType;
import java.util.Locale;
import java.util.Map;

/**
 * NeMo Retriever's enum values for the row metadata, from nv-ingest-api 26.3.0's
 * {@code nv_ingest_api.internal.enums.common}: {@code DocumentTypeEnum} (source types, lower case),
 * {@code ContentTypeEnum} (content types: tables and charts are {@code structured} with a subtype) and
 * {@code ContentDescriptionEnum} (descriptions).
 */
public final class NemoVocabulary {
    /** {@code DocumentTypeEnum} value per file extension; TXT and MD are both {@code text} there. */
    private static final Map<String, String> SOURCE_TYPES = Map.ofEntries(Map.entry("pdf", "pdf"),
            Map.entry("docx", "docx"), Map.entry("pptx", "pptx"), Map.entry("html", "html"), Map.entry("htm", "html"),
            Map.entry("txt", "text"), Map.entry("md", "text"), Map.entry("png", "png"), Map.entry("jpg", "jpeg"),
            Map.entry("jpeg", "jpeg"), Map.entry("tif", "tiff"), Map.entry("tiff", "tiff"), Map.entry("bmp", "bmp"),
            Map.entry("svg", "svg"));
    /** {@code ContentTypeEnum.STRUCTURED}: the content type of table and chart rows. */
    public static final String STRUCTURED = "structured";
    /** {@code DocumentTypeEnum.UNKNOWN}. */
    public static final String UNKNOWN = "unknown";

    private NemoVocabulary() {
    }

    /**
     * @param extension a file extension without the dot, any case
     * @return NeMo's {@code source_type}: {@code pdf}, {@code docx}, {@code pptx}, {@code html}, {@code text}
     *     (txt, md), {@code png}, {@code jpeg}, {@code tiff}, ...; another extension lower-cased; {@code unknown}
     *     when empty
     */
    public static String sourceType(String extension) {
        String ext = extension.toLowerCase(Locale.ROOT);
        return ext.isEmpty() ? UNKNOWN : SOURCE_TYPES.getOrDefault(ext, ext);
    }

    /** @return {@code content_metadata.type}: {@code text}, {@code image}, or {@code structured} for tables and charts */
    public static String contentType(ContentType type) {
        return switch (type) {
            case TABLE, CHART -> STRUCTURED;
            default -> type.value();
        };
    }

    /** @return {@code content_metadata.subtype}: {@code table} or {@code chart} for structured rows, else "" */
    public static String subtype(ContentType type) {
        return contentType(type).equals(STRUCTURED) ? type.value() : "";
    }

    /**
     * @return our content type of a stored row: {@code text}, {@code table}, {@code chart}, {@code image} (the
     *     subtype of {@code structured} rows), or the stored type as it is for other rows
     */
    public static String ourType(String type, String subtype) {
        return STRUCTURED.equals(type) && subtype != null && !subtype.isEmpty() ? subtype : type;
    }

    /**
     * @param sourceType a {@link #sourceType} value
     * @return NeMo's {@code ContentDescriptionEnum} text, e.g. "Unstructured text from PDF document.", or ""
     *     where NeMo has none (formats other than PDF, DOCX and PPTX; charts outside PDF)
     */
    public static String description(String sourceType, ContentType type) {
        String doc = switch (sourceType) {
            case "pdf" -> "PDF document.";
            case "docx" -> "DOCX document.";
            case "pptx" -> "PPTX presentation.";
            default -> null;
        };
        if (doc == null || (type == ContentType.CHART && !sourceType.equals("pdf"))) {
            return "";
        }
        return switch (type) {
            case TEXT -> "Unstructured text from " + doc;
            case TABLE -> "Structured table extracted from " + doc;
            case CHART -> "Structured chart extracted from " + doc;
            case IMAGE -> "Image extracted from " + doc;
        };
    }
}
