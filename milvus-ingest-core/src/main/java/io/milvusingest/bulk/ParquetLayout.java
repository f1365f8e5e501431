package io.milvusingest.bulk;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of an import file, as Milvus reads it (https://milvus.io/docs/prepare-source-data.md):
 * INT64/INT32/BOOL/FLOAT/DOUBLE as the same primitives; VARCHAR as a UTF-8 string; FLOAT_VECTOR as a standard
 * 3-level LIST of FLOAT ({@code vector.list.element}, what pyarrow writes for {@code list<float32>}); JSON fields,
 * {@code $meta} and SPARSE_FLOAT_VECTOR as UTF-8 strings holding JSON text (sparse:
 * {@code {"indices": [...], "values": [...]}} or {@code {"<index>": value}}).
 */
final class ParquetLayout {
    static final String LIST = "list";
    static final String ELEMENT = "element";

    private ParquetLayout() {
    }

    static MessageType schema(ImportLayout layout) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (ImportLayout.Column c : layout.columns()) {
            message.addField(field(c));
        }
        if (layout.dynamic()) {
            message.addField(string(ImportLayout.META));
        }
        return message.named("milvus_import");
    }

    private static Type field(ImportLayout.Column c) {
        return switch (c.type()) {
            case Int64 -> Types.required(PrimitiveTypeName.INT64).named(c.name());
            case Int32 -> Types.required(PrimitiveTypeName.INT32).named(c.name());
            case Bool -> Types.required(PrimitiveTypeName.BOOLEAN).named(c.name());
            case Float -> Types.required(PrimitiveTypeName.FLOAT).named(c.name());
            case Double -> Types.required(PrimitiveTypeName.DOUBLE).named(c.name());
            case VarChar, JSON, SparseFloatVector -> string(c.name());
            case FloatVector -> Types.requiredGroup().as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(Types.required(PrimitiveTypeName.FLOAT).named(ELEMENT))
                            .named(LIST))
                    .named(c.name());
            default -> throw new IllegalArgumentException("unsupported type " + c.type() + " of " + c.name());
        };
    }

    private static Type string(String name) {
        return Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
    }
}
