package io.datagent.ingestion.api;

import io.datagent.spark.DeltaTables;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The flattened field(s) that identify a record of an endpoint across pages and runs: one field ({@code id: IDEESS}),
 * whose typed column keys the serving table as it always did, or several ({@code id: [datetime_utc, geo_id]}), whose
 * texts joined with {@value #SEPARATOR} fill an extra {@value #COLUMN} column that keys it.
 */
public record RecordKey(List<String> fields) implements Serializable {

  /** The key column of a composite key. */
  static final String COLUMN = "_id";
  static final String SEPARATOR = " | ";

  public RecordKey {
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a record key needs at least one field");
    }
  }

  static RecordKey single(String field) {
    return new RecordKey(List.of(field));
  }

  boolean composite() {
    return fields.size() > 1;
  }

  /** The key of a record's flat fields; null when a part is missing or blank (the record has no id). */
  String of(Map<String, String> values) {
    if (!composite()) {
      String v = values.get(fields.get(0));
      return v == null || v.isBlank() ? null : v;
    }
    StringBuilder out = new StringBuilder();
    for (String f : fields) {
      String v = values.get(f);
      if (v == null || v.isBlank()) {
        return null;
      }
      out.append(out.length() == 0 ? "" : SEPARATOR).append(v);
    }
    return out.toString();
  }

  /** The serving column holding the key: {@value #COLUMN}, or the single id field's typed column. */
  String column(TypedColumns cols) {
    return composite() ? COLUMN : cols.names.get(cols.indexOf(fields.get(0)));
  }

  /** {@code data} plus the key column when the key is composite (a single id's column is one of the data columns). */
  StructType withKeyColumn(StructType data) {
    if (!composite()) {
      return data;
    }
    return data.add(DeltaTables.withComment(new StructField(COLUMN, DataTypes.StringType, true, Metadata.empty()), comment(), Map.of()));
  }

  /**
   * Refuses a load this key cannot do: a field of the key in no record, or a serving table created under the other
   * kind of key (a single-field table has no {@value #COLUMN} to MERGE on; a composite one stores several rows per
   * field value).
   */
  void check(TypedColumns cols, StructType existing, String table) {
    List<String> absent = fields.stream().filter(f -> cols.indexOf(f) < 0).toList();
    if (!absent.isEmpty()) {
      throw new IllegalArgumentException("el campo id '" + String.join("', '", absent)
          + "' no aparece en ningún registro (clave 'id' del endpoint)");
    }
    if (existing != null && List.of(existing.fieldNames()).contains(COLUMN) != composite()) {
      throw new IllegalArgumentException("la tabla " + table + " existe con una clave "
          + (composite() ? "de un solo campo" : "compuesta (columna " + COLUMN + ")") + "; la clave id: " + yaml()
          + " necesita otra tabla (cambie 'table' del endpoint o borre la tabla)");
    }
  }

  String comment() {
    return "Clave del registro: " + String.join(SEPARATOR, fields);
  }

  /** How messages name the key: {@code 'IDEESS'} or {@code [datetime_utc, geo_id]}. */
  String named() {
    return composite() ? yaml() : "'" + fields.get(0) + "'";
  }

  /** The key as the source file writes it. */
  String yaml() {
    return composite() ? "[" + String.join(", ", fields) + "]" : fields.get(0);
  }

  /** The reason a record without a usable key goes to quarantine. */
  String missingReason(Map<String, String> values) {
    if (!composite()) {
      return "el registro no tiene el campo id '" + fields.get(0) + "'";
    }
    List<String> absent = fields.stream().filter(f -> values.get(f) == null || values.get(f).isBlank()).toList();
    return "el registro no tiene el campo id '" + String.join("', '", absent) + "' (clave " + yaml() + ")";
  }
}
