package io.datagent.ingestion.api;

import io.datagent.ingestion.typing.ColumnProfile;
import io.datagent.ingestion.typing.ConversionException;
import io.datagent.ingestion.typing.ValueConverter;
import io.datagent.naming.Names;
import io.datagent.spark.DeltaTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The serving columns of an endpoint, typed by the file ingestion's rules: each field's values are profiled with
 * {@link ColumnProfile} (in the Spark tasks that parse the pages) and converted with {@link ValueConverter} (decimal-comma strings → DECIMAL, Spanish dates →
 * DATE, codes with leading zeros stay text…); a column the serving table already has keeps its type. Column
 * comments come from the source's field dictionary, else the API's own description ({@link SchemaDescriptions}), else
 * the field name.
 */
final class TypedColumns implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** A cell that does not fit its column's type: the row goes to quarantine. */
  record Failure(String column, String value, String reason) {}

  final List<String> originals;
  final List<String> names;
  final ValueConverter[] converters;
  final StructType schema;
  final Map<String, String> comments = new LinkedHashMap<>();

  /** {@code profiles}: field name → profile of its values, in order of first appearance ({@link RecordSummary}). */
  TypedColumns(ApiEndpoint ep, Map<String, ColumnProfile> profiles, StructType existing, Map<String, String> apiDescriptions) {
    Set<String> fields = new LinkedHashSet<>(ep.fields());
    fields.addAll(profiles.keySet());
    originals = new ArrayList<>(fields);
    names = Names.uniqueIdentifiers(originals);
    converters = new ValueConverter[originals.size()];
    StructField[] out = new StructField[originals.size()];
    for (int k = 0; k < originals.size(); k++) {
      String original = originals.get(k);
      ColumnProfile profile = profiles.getOrDefault(original, new ColumnProfile(original, false));
      String name = names.get(k);
      DataType type;
      if (existing != null && List.of(existing.fieldNames()).contains(name)) {
        type = existing.apply(name).dataType();
        converters[k] = ValueConverter.forExistingColumn(type.simpleString(), profile);
      } else {
        converters[k] = new ValueConverter(profile.decide());
        type = DataType.fromDDL(converters[k].type().sqlType());
      }
      String comment = ep.descriptions().getOrDefault(original, apiDescriptions.getOrDefault(original, original));
      comments.put(name, comment);
      out[k] = DeltaTables.withComment(new StructField(name, type, true, Metadata.empty()), comment,
          Map.of("original_header", original));
    }
    schema = new StructType(out);
  }

  int indexOf(String original) {
    return originals.indexOf(original);
  }

  /** The typed values of a record's flat {@code fields}, with {@code extra} free slots at the end; failures are added to {@code failures}. */
  Object[] convert(Map<String, String> fields, int extra, List<Failure> failures) {
    Object[] v = new Object[originals.size() + extra];
    for (int k = 0; k < originals.size(); k++) {
      String raw = fields.get(originals.get(k));
      try {
        Object o = converters[k].convert(raw);
        v[k] = o instanceof LocalDate d ? java.sql.Date.valueOf(d) : o;
      } catch (ConversionException e) {
        failures.add(new Failure(names.get(k), raw, e.getMessage()));
      }
    }
    return v;
  }
}
