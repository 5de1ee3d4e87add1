package io.datagent.ingestion.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.ingestion.semantic.ModelOverride.OverrideException;
import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SqlIdent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of an engineer's override, each failure naming the key at fault ({@code measures[2].expr}) in Spanish. */
final class OverrideChecks {

  private static final Pattern AGG = Pattern.compile("(?i)\\s*(SUM|AVG|MIN|MAX|COUNT)\\s*\\(\\s*(.+?)\\s*\\)\\s*");

  private OverrideChecks() {}

  static void view(JsonNode view, Set<String> keys, String source, Set<String> columns) {
    topKeys(view, keys);
    if (view.hasNonNull("source") && !sameTable(view.get("source").asText(), source)) {
      throw new OverrideException("'source' es «" + view.get("source").asText() + "», pero el modelo es de la tabla "
          + source);
    }
    text(view, "comment", "comment");
    entries(view, "measures", columns, true);
    entries(view, "dimensions", columns, false);
  }

  static void sidecar(JsonNode side, Set<String> keys, Set<String> columns) {
    topKeys(side, keys);
    text(side, "row_noun", MetricViewYaml.SIDECAR_KEY + ".row_noun");
    for (String list : new String[] {"measures", "dimensions"}) {
      String where = MetricViewYaml.SIDECAR_KEY + "." + list;
      JsonNode a = list(side, list, where);
      for (int i = 0; a != null && i < a.size(); i++) {
        JsonNode e = entry(a.get(i), where + "[" + i + "]");
        String at = where + "[" + i + "]";
        if (e.hasNonNull("column") && !has(columns, e.get("column").asText())) {
          throw new OverrideException(at + ".column: la columna «" + e.get("column").asText() + "» no existe en la tabla");
        }
        if (e.hasNonNull("aggregation") && !oneOf(e.get("aggregation").asText(), Aggregation.values())) {
          throw new OverrideException(at + ".aggregation: «" + e.get("aggregation").asText()
              + "» no es una agregación; se esperaba SUM, AVG, MIN, MAX o COUNT");
        }
        if (e.hasNonNull("kind") && !oneOf(e.get("kind").asText(), Dimension.Kind.values())) {
          throw new OverrideException(at + ".kind: «" + e.get("kind").asText()
              + "» no es un tipo de dimensión; se esperaba TEXT, DATE, MONTH_TEXT o NUMBER");
        }
        strings(e, "values", at + ".values");
        text(e, "unit", at + ".unit");
      }
    }
  }

  private static void entries(JsonNode doc, String list, Set<String> columns, boolean measures) {
    JsonNode a = list(doc, list, list);
    for (int i = 0; a != null && i < a.size(); i++) {
      String at = list + "[" + i + "]";
      JsonNode e = entry(a.get(i), at);
      for (String k : new String[] {"expr", "comment", "display_name"}) {
        text(e, k, at + "." + k);
      }
      strings(e, "synonyms", at + ".synonyms");
      if (e.has("synonyms") && e.get("synonyms").size() > 10) {
        throw new OverrideException(at + ".synonyms: hay " + e.get("synonyms").size()
            + " sinónimos y una vista de métricas admite como mucho 10");
      }
      if (!e.hasNonNull("expr")) {
        continue;
      }
      String expr = e.get("expr").asText();
      String column;
      if (measures) {
        Matcher m = AGG.matcher(expr);
        if (!m.matches()) {
          throw new OverrideException(at + ".expr: «" + expr + "» no es una agregación de una columna como SUM(columna), "
              + "AVG(columna) o COUNT(1)");
        }
        column = m.group(2).equals("1") || m.group(2).equals("*") ? null : SqlIdent.column(m.group(2));
        if (column == null && !(m.group(2).equals("1") || m.group(2).equals("*"))) {
          throw new OverrideException(at + ".expr: «" + m.group(2) + "» no es el nombre de una columna");
        }
      } else {
        column = SqlIdent.column(expr);
        if (column == null) {
          throw new OverrideException(at + ".expr: «" + expr + "» no es el nombre de una columna");
        }
      }
      if (column != null && !has(columns, column)) {
        throw new OverrideException(at + ".expr: la columna «" + column + "» no existe en la tabla");
      }
    }
  }

  private static void topKeys(JsonNode doc, Set<String> keys) {
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw new OverrideException("clave desconocida '" + k + "'; se admiten " + String.join(", ", keys.stream().sorted().toList()));
      }
    }
  }

  private static JsonNode list(JsonNode doc, String key, String where) {
    JsonNode a = doc.get(key);
    if (a == null || a.isNull()) {
      return null;
    }
    if (!a.isArray()) {
      throw new OverrideException("'" + where + "' debe ser una lista de entradas con 'name'");
    }
    return a;
  }

  private static JsonNode entry(JsonNode e, String at) {
    if (!e.isObject()) {
      throw new OverrideException(at + ": debe ser un mapa con 'name'");
    }
    if (!e.hasNonNull("name") || !e.get("name").isTextual() || e.get("name").asText().isBlank()) {
      throw new OverrideException(at + ": falta 'name'");
    }
    return e;
  }

  private static void text(JsonNode e, String key, String at) {
    if (e.has(key) && !e.get(key).isNull() && !e.get(key).isValueNode()) {
      throw new OverrideException(at + ": debe ser un texto");
    }
  }

  private static void strings(JsonNode e, String key, String at) {
    JsonNode a = e.get(key);
    if (a == null || a.isNull()) {
      return;
    }
    if (!a.isArray()) {
      throw new OverrideException(at + ": debe ser una lista de textos");
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).isValueNode() || a.get(i).isNull()) {
        throw new OverrideException(at + "[" + i + "]: debe ser un texto");
      }
    }
  }

  private static boolean has(Set<String> columns, String column) {
    return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
  }

  private static boolean oneOf(String value, Enum<?>[] values) {
    return Arrays.stream(values).anyMatch(v -> v.name().equals(value.strip().toUpperCase(Locale.ROOT)));
  }

  private static boolean sameTable(String a, String b) {
    String x = a.replace("`", "").toLowerCase(Locale.ROOT);
    String y = b.replace("`", "").toLowerCase(Locale.ROOT);
    return x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x);
  }
}
