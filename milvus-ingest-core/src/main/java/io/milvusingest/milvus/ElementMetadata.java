package io.milvusingest.milvus;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.milvusingest.model.Chunk;
import io.milvusingest.model.ContentType;
import io.milvusingest.model.Element;
import io.milvusingest.model.ImageData;


/**
 * The per-type parts of {@link Fields#CONTENT_METADATA}, after NeMo Retriever's metadata schemas: {@code location}
 * and {@code max_dimensions} on every row (null for text), {@code table_metadata} for table rows and
 * {@code image_metadata} for image and chart rows. Positions are PDF points, top-left origin; positions unknown for
 * a format (a DOCX table's) are NeMo's defaults, {@code [0, 0, 0, 0]} and {@code [0, 0]}.
 */
final class ElementMetadata {

    private ElementMetadata() {
    }

    /** Adds the chunk's table or image metadata to {@code meta}; nothing for text rows or chunks without element. */
    static void addTo(JsonObject meta, Chunk chunk) {
        Element element = chunk.element();
        // NeMo's vdb_upload copies the table/image location to the top level, null for text
        boolean located = element != null && chunk.type() != ContentType.TEXT;
        meta.add(Fields.LOCATION, located ? location(element) : JsonNull.INSTANCE);
        meta.add(Fields.MAX_DIMENSIONS, located ? dimensions(element) : JsonNull.INSTANCE);
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
        target.add(locationKey, location(element));
        target.add(sizeKey, dimensions(element));
    }

    /** Unknown positions get NeMo's schema defaults, (0, 0, 0, 0) and (0, 0): its page reassembly sorts by them. */
    private static JsonArray location(Element element) {
        return array(element.bbox() != null ? element.bbox().toArray() : new double[4]);
    }

    private static JsonArray dimensions(Element element) {
        return array(element.pageSize() != null ? element.pageSize().toArray() : new double[2]);
    }

    private static JsonArray array(double[] values) {
        JsonArray array = new JsonArray(values.length);
        for (double v : values) {
            array.add(Math.round(v * 100) / 100.0); // 0.01 pt is plenty
        }
        return array;
    }
}
