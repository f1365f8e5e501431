package io.milvusingest.milvus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.milvusingest.model.Chunk;
import io.milvusingest.model.Element;
import io.milvusingest.model.ImageData;

import java.util.Locale;

/**
 * The per-type parts of {@link Fields#CONTENT_METADATA}, after NeMo Retriever's metadata: {@code table_metadata}
 * for table rows and {@code image_metadata} for image and chart rows. Positions are PDF points, top-left origin;
 * keys that are unknown for a format (a DOCX table's position) are left out.
 */
final class ElementMetadata {

    private ElementMetadata() {
    }

    /** Adds the chunk's table or image metadata to {@code meta}; nothing for text rows or chunks without element. */
    static void addTo(JsonObject meta, Chunk chunk) {
        Element element = chunk.element();
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
        table.addProperty(Fields.TABLE_CONTENT, chunk.text());
        table.addProperty(Fields.TABLE_FORMAT, "markdown");
        position(table, element, Fields.TABLE_LOCATION, Fields.TABLE_LOCATION_MAX_DIMENSIONS);
        if (element.storedUri() != null) {
            table.addProperty(Fields.TABLE_STORED_URI, element.storedUri());
        }
        return table;
    }

    private static JsonObject image(Chunk chunk, Element element) {
        JsonObject image = new JsonObject();
        ImageData data = element.image();
        if (data != null) {
            image.addProperty(Fields.IMAGE_TYPE, data.format().toUpperCase(Locale.ROOT));
            image.addProperty(Fields.IMAGE_WIDTH, data.width());
            image.addProperty(Fields.IMAGE_HEIGHT, data.height());
        }
        image.addProperty(Fields.IMAGE_TEXT, chunk.text());
        position(image, element, Fields.IMAGE_LOCATION, Fields.IMAGE_LOCATION_MAX_DIMENSIONS);
        if (element.storedUri() != null) {
            image.addProperty(Fields.IMAGE_STORED_URI, element.storedUri());
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
