package io.datagent.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link SemanticModel} from a metric view document and its optional sidecar ({@link MetricViewYaml}). */
final class SidecarReader {

  private SidecarReader() {}

  static SemanticModel read(JsonNode view, JsonNode side) {
    Map<String, JsonNode> sideMeasures = MetricViewYaml.byName(side == null ? null : side.get("measures"));
    Map<String, JsonNode> sideDims = MetricViewYaml.byName(side == null ? null : side.get("dimensions"));
    String comment = text(view, "comment");
    String tableUnit = Units.find(comment);
    List<Measure> measures = new ArrayList<>();
    for (JsonNode n : iterable(view.get("measures"))) {
      String name = n.path("name").asText();
      JsonNode s = sideMeasures.get(name);
      Map.Entry<Aggregation, String> parsed = MetricViewYaml.parseExpr(n.path("expr").asText());
      if (parsed == null) {
        continue; // an expression the compiler cannot reuse (ratios, filters): left to the metric view itself
      }
      String column = s != null && s.hasNonNull("column") ? s.get("column").asText() : parsed.getValue();
      Aggregation agg = s != null && s.hasNonNull("aggregation") ? Aggregation.parse(s.get("aggregation").asText()) : parsed.getKey();
      String unit = s != null && s.hasNonNull("unit") ? s.get("unit").asText()
          : column == null ? null : firstNonNull(Units.find(text(n, "display_name")), Units.find(text(n, "comment")), tableUnit);
      measures.add(new Measure(name, column, agg, unit, text(n, "display_name"), text(n, "comment"), strings(n.get("synonyms"))));
    }
    List<Dimension> dims = new ArrayList<>();
    for (JsonNode n : iterable(view.get("dimensions"))) {
      String name = n.path("name").asText();
      JsonNode s = sideDims.get(name);
      String column = s != null && s.hasNonNull("column") ? s.get("column").asText() : SqlIdent.column(n.path("expr").asText());
      if (column == null) {
        continue;
      }
      Dimension.Kind kind = s != null && s.hasNonNull("kind") ? Dimension.Kind.valueOf(s.get("kind").asText()) : Dimension.Kind.TEXT;
      Map<String, String> codes = new LinkedHashMap<>();
      if (s != null && s.get("codes") != null) {
        s.get("codes").fields().forEachRemaining(e -> codes.put(e.getKey(), e.getValue().asText()));
      }
      dims.add(new Dimension(name, column, kind, text(n, "display_name"), text(n, "comment"), strings(n.get("synonyms")),
          s == null ? List.of() : strings(s.get("values")), codes));
    }
    String noun = side == null ? null : text(side, "row_noun");
    return new SemanticModel(view.path("source").asText(), comment, noun, dims, measures);
  }

  private static Iterable<JsonNode> iterable(JsonNode n) {
    return n == null || !n.isArray() ? List.of() : n;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
