package io.datagent.ingestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * How the units of one run map onto one target table: the table's column order (existing columns first, then new
 * ones in order of appearance), and for each unit where each of its columns lands.
 */
final class TablePlan {

  final String table;
  final List<SourceUnit> units;
  final StructType existingRaw;
  final StructType existingServing;
  final List<String> columns = new ArrayList<>();
  final Map<String, String> originalHeaders = new LinkedHashMap<>();
  final Map<String, String> descriptions = new LinkedHashMap<>();
  final Map<Integer, int[]> mappings = new LinkedHashMap<>();

  TablePlan(String table, List<SourceUnit> units, StructType existingRaw, StructType existingServing) {
    this.table = table;
    this.units = units;
    this.existingRaw = existingRaw;
    this.existingServing = existingServing;
    StructType existing = existingRaw != null ? existingRaw : existingServing;
    if (existing != null) {
      for (String name : existing.fieldNames()) {
        if (!name.startsWith("_")) {
          columns.add(name);
        }
      }
    }
    for (SourceUnit u : units) {
      int[] map = new int[u.columns().size()];
      for (int i = 0; i < map.length; i++) {
        String c = u.columns().get(i);
        int at = columns.indexOf(c);
        if (at < 0) {
          columns.add(c);
          at = columns.size() - 1;
        }
        map[i] = at;
        originalHeaders.putIfAbsent(c, u.headers().get(i));
        String d = u.descriptions().get(c);
        if (d != null && (!descriptions.containsKey(c) || descriptions.get(c).equals(originalHeaders.get(c)))) {
          descriptions.put(c, d);
        }
      }
      mappings.put(u.index(), map);
    }
  }

  int width() {
    return columns.size();
  }

  /** The unit's original header for each table column, or null where the unit lacks the column. */
  String[] headersOf(SourceUnit u) {
    String[] h = new String[columns.size()];
    int[] map = mappings.get(u.index());
    for (int i = 0; i < map.length; i++) {
      h[map[i]] = u.headers().get(i);
    }
    return h;
  }

  String tableComment() {
    for (SourceUnit u : units) {
      if (u.tableComment() != null) {
        return u.tableComment();
      }
    }
    SourceUnit first = units.get(0);
    return "Datos cargados desde " + first.displayName();
  }
}
