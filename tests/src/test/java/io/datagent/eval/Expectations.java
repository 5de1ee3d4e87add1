package io.datagent.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a benchmark item's expected answer from its {@code spec} over the {@link SampleFiles} rows: plain Java
 * loops, no SQL and nothing of the product. The spec language is described in the benchmark's README. A ranking
 * whose cut falls on a tie, or a lookup that finds no row or several, is an error: the question would have no
 * single right answer.
 */
final class Expectations {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Decimal places of each file's measures (sums and lookups are exact to these). */
  private static final Map<String, Integer> SOURCE_DECIMALS = Map.of("cammesa", 1, "potencia", 3, "gas", 0);

  private final Map<String, SampleTable> tables;
  private final Map<String, Integer> sourceDecimals;

  Expectations(Map<String, SampleTable> tables) {
    this(tables, SOURCE_DECIMALS);
  }

  /** Over other files: {@code sourceDecimals} gives the decimal places of each table's measures. */
  Expectations(Map<String, SampleTable> tables, Map<String, Integer> sourceDecimals) {
    this.tables = tables;
    this.sourceDecimals = sourceDecimals;
  }

  ObjectNode compute(JsonNode spec) {
    String op = spec.path("op").asText("");
    ObjectNode out = F.objectNode();
    switch (op) {
      case "share" -> number(out, 100 * scalar(spec.get("part")) / scalar(spec.get("base")), spec.path("decimals").asInt(2));
      case "change" -> number(out, scalar(spec.get("b")) - scalar(spec.get("a")), decimals(spec.get("a")));
      case "ratio" -> number(out, scalar(spec.get("num")) / scalar(spec.get("den")) * spec.path("factor").asDouble(1),
          spec.path("decimals").asInt(3));
      case "scale" -> number(out, scalar(spec.get("of")) * spec.get("factor").asDouble(), spec.path("decimals").asInt(3));
      default -> plain(spec, out);
    }
    return out;
  }

  private void plain(JsonNode spec, ObjectNode out) {
    if (spec.has("pick")) {
      label(spec, out);
    } else if (spec.has("groupBy")) {
      grouped(spec, out);
    } else {
      number(out, scalar(spec), decimals(spec));
    }
  }

  private double scalar(JsonNode spec) {
    List<Map<String, Object>> rows = rows(spec);
    String agg = spec.path("agg").asText();
    String m = spec.path("measure").asText(null);
    return switch (agg) {
      case "count" -> rows.size();
      case "countDistinct" -> rows.stream().map(r -> r.get(m)).distinct().count();
      case "value" -> {
        if (rows.size() != 1) {
          throw new IllegalStateException("lookup finds " + rows.size() + " rows, not 1: " + spec);
        }
        yield num(rows.get(0), m);
      }
      default -> aggregate(agg, rows.stream().filter(r -> cell(r, m) != null).map(r -> num(r, m)).toList(), spec);
    };
  }

  private static double aggregate(String agg, List<Double> v, JsonNode spec) {
    if (v.isEmpty()) {
      throw new IllegalStateException("no rows for " + spec);
    }
    return switch (agg) {
      case "sum" -> v.stream().mapToDouble(Double::doubleValue).sum();
      case "avg" -> v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      case "max" -> v.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      case "min" -> v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      case "count" -> v.size();
      default -> throw new IllegalArgumentException("agg " + agg);
    };
  }

  private void label(JsonNode spec, ObjectNode out) {
    List<Map<String, Object>> rows = new ArrayList<>(rows(spec));
    String pick = spec.get("pick").asText();
    if (spec.has("argmax")) {
      String m = spec.get("argmax").asText();
      rows.sort(Comparator.comparingDouble((Map<String, Object> r) -> num(r, m)).reversed());
      if (rows.size() > 1 && num(rows.get(0), m) == num(rows.get(1), m)) {
        throw new IllegalStateException("tie for the maximum: " + spec);
      }
      out.put("type", "label").put("label", text(rows.get(0).get(pick)));
      out.put("value", round(num(rows.get(0), m), decimals(spec) + 3)).put("decimals", decimals(spec));
      return;
    }
    List<String> distinct = rows.stream().map(r -> text(r.get(pick))).distinct().toList();
    if (distinct.size() != 1) {
      throw new IllegalStateException("label lookup finds " + distinct + ": " + spec);
    }
    out.put("type", "label").put("label", distinct.get(0));
  }

  private void grouped(JsonNode spec, ObjectNode out) {
    String by = spec.get("groupBy").asText();
    String agg = spec.path("agg").asText();
    String m = spec.path("measure").asText(null);
    Map<String, List<Double>> groups = new TreeMap<>();
    for (Map<String, Object> r : rows(spec)) {
      if (!agg.equals("count") && cell(r, m) == null) { // an empty cell: SQL aggregates skip it
        continue;
      }
      groups.computeIfAbsent(key(r, by), k -> new ArrayList<>()).add(agg.equals("count") ? 1.0 : num(r, m));
    }
    List<Map.Entry<String, Double>> result = new ArrayList<>();
    groups.forEach((k, v) -> result.add(Map.entry(k, aggregate(agg, v, spec))));
    int d = agg.equals("count") ? 0 : agg.equals("avg") ? 2 : decimals(spec);
    if (spec.has("having")) {
      JsonNode h = spec.get("having");
      result.removeIf(e -> !compare(e.getValue(), h));
      number(out, result.size(), 0);
      return;
    }
    String order = spec.path("order").asText("");
    if (!order.isEmpty()) {
      Comparator<Map.Entry<String, Double>> c = Map.Entry.comparingByValue();
      result.sort(order.equals("desc") ? c.reversed() : c);
      int k = spec.get("limit").asInt();
      if (result.size() > k && Math.abs(result.get(k - 1).getValue() - result.get(k).getValue()) < 1e-9) {
        throw new IllegalStateException("tie at the ranking's cut: " + spec);
      }
      result.subList(Math.min(k, result.size()), result.size()).clear();
    }
    ArrayNode rows = F.arrayNode();
    result.forEach(e -> rows.add(F.arrayNode().add(e.getKey()).add(round(e.getValue(), d + 3))));
    out.put("type", order.isEmpty() ? "series" : "ranking").put("decimals", d);
    out.set("rows", rows);
  }

  private List<Map<String, Object>> rows(JsonNode spec) {
    SampleTable t = table(spec);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : t.rows()) {
      boolean keep = true;
      for (JsonNode w : spec.path("where")) {
        keep &= matches(r, w);
      }
      if (keep) {
        out.add(r);
      }
    }
    return out;
  }

  private static boolean matches(Map<String, Object> r, JsonNode w) {
    String col = w.get("col").asText();
    Object v = cell(r, col);
    if (v == null) { // an empty cell matches no condition, as in SQL
      return false;
    }
    if (w.has("eq")) {
      return text(v).equalsIgnoreCase(w.get("eq").asText());
    }
    if (w.has("notIn")) {
      for (JsonNode x : w.get("notIn")) {
        if (text(v).equalsIgnoreCase(x.asText())) {
          return false;
        }
      }
      return true;
    }
    if (w.has("from")) {
      LocalDate d = (LocalDate) v;
      return !d.isBefore(LocalDate.parse(w.get("from").asText())) && !d.isAfter(LocalDate.parse(w.get("to").asText()));
    }
    return compare(((Number) v).doubleValue(), w);
  }

  private static boolean compare(double x, JsonNode w) {
    return w.has("gt") ? x > w.get("gt").asDouble() : w.has("gte") ? x >= w.get("gte").asDouble()
        : w.has("lt") ? x < w.get("lt").asDouble() : x <= w.get("lte").asDouble();
  }

  private static String key(Map<String, Object> r, String by) {
    if (by.startsWith("year(")) {
      return String.valueOf(((LocalDate) cell(r, by.substring(5, by.length() - 1))).getYear());
    }
    return text(cell(r, by));
  }

  private static Object cell(Map<String, Object> r, String col) {
    if (!r.containsKey(col)) {
      throw new IllegalArgumentException("no column '" + col + "' in " + r.keySet());
    }
    return r.get(col);
  }

  private static double num(Map<String, Object> r, String col) {
    return ((Number) cell(r, col)).doubleValue();
  }

  private static String text(Object v) {
    return v instanceof LocalDate d ? d.toString() : String.valueOf(v).strip();
  }

  private SampleTable table(JsonNode spec) {
    SampleTable t = tables.get(spec.path("from").asText());
    if (t == null) {
      throw new IllegalArgumentException("unknown table in " + spec);
    }
    return t;
  }

  private int decimals(JsonNode spec) {
    if (spec.has("decimals")) {
      return spec.get("decimals").asInt();
    }
    String agg = spec.path("agg").asText();
    return agg.startsWith("count") ? 0 : agg.equals("avg") ? 2 : sourceDecimals.get(spec.path("from").asText());
  }

  private static void number(ObjectNode out, double v, int decimals) {
    out.put("type", "number").put("value", round(v, decimals + 3)).put("decimals", decimals);
  }

  static double round(double v, int places) {
    return new BigDecimal(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
