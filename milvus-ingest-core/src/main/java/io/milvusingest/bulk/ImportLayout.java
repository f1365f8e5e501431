package io.milvusingest.bulk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.milvus.v2.common.DataType;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which columns an import file carries for a collection, following Milvus's import layout
 * (https://milvus.io/docs/prepare-source-data.md): every field except an auto-id primary key (Milvus generates
 * it) and the outputs of functions such as BM25 (Milvus computes them); when the collection has a dynamic field,
 * row keys that are not fields go into {@value #META} as one JSON object.
 *
 * @param columns the fields written, in schema order
 * @param dynamic whether the collection has the dynamic field ({@value #META} column)
 */
public record ImportLayout(List<Column> columns, boolean dynamic) {
    /** Name of Milvus's dynamic field in import files. */
    public static final String META = "$meta";

    /**
     * One written field.
     *
     * @param name      field name
     * @param type      Milvus type; supported here: Int64, VarChar, FloatVector, SparseFloatVector, JSON, Bool,
     *                  Int32, Float, Double
     * @param dimension vector length for FloatVector, else 0
     */
    public record Column(String name, DataType type, int dimension) {
    }

    private static final Set<DataType> SUPPORTED = Set.of(DataType.Int64, DataType.VarChar, DataType.FloatVector,
            DataType.SparseFloatVector, DataType.JSON, DataType.Bool, DataType.Int32, DataType.Float, DataType.Double);

    /**
     * @throws IllegalArgumentException when a written field has a type this writer does not support
     */
    public static ImportLayout of(CreateCollectionReq.CollectionSchema schema) {
        Set<String> computed = new HashSet<>();
        for (CreateCollectionReq.Function f : schema.getFunctionList() == null
                ? List.<CreateCollectionReq.Function>of() : schema.getFunctionList()) {
            computed.addAll(f.getOutputFieldNames());
        }
        List<Column> columns = new ArrayList<>();
        for (CreateCollectionReq.FieldSchema f : schema.getFieldSchemaList()) {
            boolean autoPk = Boolean.TRUE.equals(f.getIsPrimaryKey()) && Boolean.TRUE.equals(f.getAutoID());
            if (autoPk || computed.contains(f.getName()) || META.equals(f.getName())) {
                continue;
            }
            if (!SUPPORTED.contains(f.getDataType())) {
                throw new IllegalArgumentException("field '" + f.getName() + "' has type " + f.getDataType()
                        + ", which the import file writer does not support");
            }
            columns.add(new Column(f.getName(), f.getDataType(), f.getDimension() == null ? 0 : f.getDimension()));
        }
        return new ImportLayout(List.copyOf(columns), schema.isEnableDynamicField());
    }

    /** @return the column names, plus {@value #META} when dynamic */
    public List<String> names() {
        List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
        if (dynamic) {
            names.add(META);
        }
        return names;
    }

    /**
     * @param row a row as the SDK takes it (field name to value; extra keys are dynamic fields)
     * @return the row's values per column name; dynamic keys gathered into {@value #META} (an object, possibly
     *     empty) when the collection is dynamic, otherwise dropped. Missing fields are absent (Milvus reports them).
     */
    public JsonObject shape(JsonObject row) {
        JsonObject out = new JsonObject();
        JsonObject meta = new JsonObject();
        Set<String> names = new HashSet<>(columns.stream().map(Column::name).toList());
        for (Map.Entry<String, JsonElement> e : row.entrySet()) {
            if (names.contains(e.getKey())) {
                out.add(e.getKey(), e.getValue());
            } else if (META.equals(e.getKey()) && e.getValue().isJsonObject()) {
                e.getValue().getAsJsonObject().entrySet().forEach(m -> meta.add(m.getKey(), m.getValue()));
            } else {
                meta.add(e.getKey(), e.getValue());
            }
        }
        if (dynamic) {
            out.add(META, meta);
        }
        return out;
    }
}
