package io.datagent.semantic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link SemanticModel} as Unity Catalog metric view YAML (specification 1.1: {@code version}, {@code source},
 * {@code comment}, {@code dimensions} and {@code measures} with {@code name}, {@code expr}, {@code comment},
 * {@code display_name}, {@code synonyms} — at most 10 synonyms of at most 255 characters), valid for
 * {@code CREATE VIEW … WITH METRICS LANGUAGE YAML}, plus a sidecar document with what metric views have no field
 * for: units, default aggregations, dimension kinds, the value index, code meanings and the row noun.
 *
 * <p>A bundle is the metric view document, a {@code ---} line and the sidecar document (top key
 * {@value #SIDECAR_KEY}); a bundle without the sidecar reads too (units and kinds are then re-derived from the
 * comments and expressions). Publish only {@link #write} to Databricks.
 */
public final class MetricViewYaml {

  public static final String SIDECAR_KEY = "datagent_semantic";
  static final String VERSION = "1.1";
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();
  private static final Pattern AGG = Pattern.compile("(?i)\\s*(SUM|AVG|MIN|MAX|COUNT)\\s*\\(\\s*(.+?)\\s*\\)\\s*");

  private MetricViewYaml() {}

  /** The metric view YAML (no sidecar). */
  public static String write(SemanticModel m) {
    ObjectNode root = YAML.createObjectNode();
    root.put("version", VERSION);
    root.put("source", m.source());
    if (m.comment() != null && !m.comment().isBlank()) {
      root.put("comment", m.comment());
    }
    ArrayNode dims = root.putArray("dimensions");
    for (Dimension d : m.dimensions()) {
      field(dims.addObject(), d.name(), d.expr(), d.comment(), d.displayName(), d.synonyms());
    }
    ArrayNode measures = root.putArray("measures");
    for (Measure x : m.measures()) {
      field(measures.addObject(), x.name(), x.expr(), x.comment(), x.displayName(), x.synonyms());
    }
    return dump(root);
  }

  /** The sidecar document: units, aggregations, kinds, value index, codes and row noun. */
  public static String writeSidecar(SemanticModel m) {
    ObjectNode root = YAML.createObjectNode();
    root.put(SIDECAR_KEY, 1);
    root.put("source", m.source());
    root.put("row_noun", m.rowNoun());
    ArrayNode measures = root.putArray("measures");
    for (Measure x : m.measures()) {
      ObjectNode n = measures.addObject().put("name", x.name());
      if (x.column() != null) {
        n.put("column", x.column());
      }
      n.put("aggregation", x.aggregation().name());
      if (x.unit() != null) {
        n.put("unit", x.unit());
      }
    }
    ArrayNode dims = root.putArray("dimensions");
    for (Dimension d : m.dimensions()) {
      ObjectNode n = dims.addObject().put("name", d.name()).put("column", d.column()).put("kind", d.kind().name());
      if (!d.values().isEmpty()) {
        ArrayNode values = n.putArray("values");
        d.values().forEach(values::add);
      }
      if (!d.codes().isEmpty()) {
        ObjectNode codes = n.putObject("codes");
        d.codes().forEach(codes::put);
      }
    }
    return dump(root);
  }

  /** The metric view, a {@code ---} line and the sidecar: the file kept beside a table. */
  public static String writeBundle(SemanticModel m) {
    return write(m) + "---\n" + writeSidecar(m);
  }

  /** Reads a bundle (or a bare metric view YAML). */
  public static SemanticModel readBundle(String text) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNext()) {
        docs.add(it.next());
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("YAML de métricas inválido: " + e.getMessage(), e);
    }
    JsonNode view = docs.stream().filter(d -> d != null && d.has("source") && !d.has(SIDECAR_KEY)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("YAML de métricas inválido: falta 'source'"));
    JsonNode side = docs.stream().filter(d -> d != null && d.has(SIDECAR_KEY)).findFirst().orElse(null);
    return SidecarReader.read(view, side);
  }

  /** Reads a metric view YAML and its sidecar (null when there is none). */
  public static SemanticModel read(String metricView, String sidecar) {
    return readBundle(sidecar == null ? metricView : metricView + "\n---\n" + sidecar);
  }

  /** The aggregation and column of a measure expression like {@code SUM(col)}; column null for {@code COUNT(1)}. */
  static Map.Entry<Aggregation, String> parseExpr(String expr) {
    Matcher m = AGG.matcher(expr == null ? "" : expr);
    if (!m.matches()) {
      return null;
    }
    String arg = m.group(2);
    String column = arg.equals("1") || arg.equals("*") ? null : SqlIdent.column(arg);
    if (column == null && !(arg.equals("1") || arg.equals("*"))) {
      return null;
    }
    return new java.util.AbstractMap.SimpleImmutableEntry<>(Aggregation.parse(m.group(1)), column);
  }

  private static void field(ObjectNode n, String name, String expr, String comment, String display, List<String> synonyms) {
    n.put("name", name).put("expr", expr);
    if (comment != null && !comment.isBlank()) {
      n.put("comment", comment);
    }
    if (display != null && !display.isBlank()) {
      n.put("display_name", display.length() > 255 ? display.substring(0, 255) : display);
    }
    List<String> syn = synonyms.stream().filter(s -> s != null && !s.isBlank() && s.length() <= 255).distinct().limit(10).toList();
    if (!syn.isEmpty()) {
      ArrayNode a = n.putArray("synonyms");
      syn.forEach(a::add);
    }
  }

  private static String dump(ObjectNode root) {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, JsonNode> byName(JsonNode array) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> out.put(n.path("name").asText(), n));
    }
    return out;
  }
}
