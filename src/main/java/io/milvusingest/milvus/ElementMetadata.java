package io.milvusingest.milvus;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.milvusingest.chunk.Chunk;
import io.milvusingest.extract.ContentType;
import io.milvusingest.extract.Element;
import io.milvusingest.extract.ImageData;


/**
 * The per-type parts of {@link Fields#CONTENT_METADATA}, after NeMo Retriever's metadata schemas: {@code location}
 * and {@code max_dimensions} on every row (null for text), {@code table_metadata} for table rows and
 * {@code image_metadata} for image and chart rows. Positions are PDF points, top-left origin; positions unknown for
 * a format (a DOCX table's) are left out of the per-type objects and null at the top level.
 */
final class ElementMetadata {

    private ElementMetadata() {
    }

    /** Adds the chunk's table or image metadata to {@code meta}; nothing for text rows or chunks without element. */
    static void addTo(JsonObject meta, Chunk chunk) {
        Element element = chunk.element();
        // NeMo's vdb_upload copies the table/image location to the top level, null for text
        meta.add(Fields.LOCATION, element == null || chunk.type() == ContentType.TEXT || element.bbox() == null
                ? JsonNull.INSTANCE : array(element.bbox().toArray()));
        meta.add(Fields.MAX_DIMENSIONS, element == null || chunk.type() == ContentType.TEXT || element.pageSize() == null
                ? JsonNull.INSTANCE : array(element.pageSize().toArray()));
        if (element == null) {
            return;
        }
        switch (chunk.type()) {
            case TABLE -> meta.add(Fields.TABLE_METADATA, table(chunk, element));
            case IMAGE, CHART -> meta.add(Fields.IMAGE_METADATA, image(chunk, element));
            default -> {
            }
        }
    }

    private static JsonObject table(Chunk chunk, Element element) {
        JsonObject table = new JsonObject();
        table.addProperty(Fields.CAPTION, "");
        table.addProperty(Fields.TABLE_FORMAT, "markdown");
        table.addProperty(Fields.TABLE_CONTENT, chunk.text());
        table.addProperty(Fields.TABLE_CONTENT_FORMAT, "markdown");
        position(table, element, Fields.TABLE_LOCATION, Fields.TABLE_LOCATION_MAX_DIMENSIONS);
        table.addProperty(Fields.TABLE_STORED_URI, element.storedUri() == null ? "" : element.storedUri());
        return table;
    }

    private static JsonObject image(Chunk chunk, Element element) {
        JsonObject image = new JsonObject();
        ImageData data = element.image();
        if (data != null) {
            image.addProperty(Fields.IMAGE_TYPE, NemoVocabulary.sourceType(data.format()));
        }
        image.addProperty(Fields.STRUCTURED_IMAGE_TYPE, "none");
        image.addProperty(Fields.CAPTION, "");
        image.addProperty(Fields.IMAGE_TEXT, chunk.text());
        position(image, element, Fields.IMAGE_LOCATION, Fields.IMAGE_LOCATION_MAX_DIMENSIONS);
        image.addProperty(Fields.IMAGE_STORED_URI, element.storedUri() == null ? "" : element.storedUri());
        if (data != null) {
            image.addProperty(Fields.IMAGE_WIDTH, data.width());
            image.addProperty(Fields.IMAGE_HEIGHT, data.height());
        }
        return image;
    }

    private static void position(JsonObject target, Element element, String locationKey, String sizeKey) {
        if (element.bbox() != null) {
            target.add(locationKey, array(element.bbox().toArray()));
        }
        if (element.pageSize() != null) {
            target.add(sizeKey, array(element.pageSize().toArray()));
        }
    }

    private static JsonArray array(double[] values) {
        JsonArray array = new JsonArray(values.length);
        for (double v : values) {
            array.add(Math.round(v * 100) / 100.0); // 0.01 pt is plenty
        }
        return array;
    }
}
