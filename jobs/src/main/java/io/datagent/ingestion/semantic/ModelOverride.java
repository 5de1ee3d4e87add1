package io.datagent.ingestion.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SemanticModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An engineer's YAML for a table ({@code _semantica/<table>.yaml}: a metric view document, optionally followed by a
 * {@code datagent_semantic} sidecar) laid over the derived model.
 *
 * <p>Merge: in {@code measures} and {@code dimensions} (of both documents) an entry whose {@code name} the derived
 * model has replaces the fields it writes and keeps the others (a new {@code expr} drops the derived column and
 * aggregation, so they are read from it); an entry with a new name is added; derived entries it does not name stay.
 * A top-level {@code comment} replaces the derived one. Anything invalid is reported in Spanish naming the key at
 * fault ({@link OverrideException}) and the caller keeps the derived model.
 */
public final class ModelOverride {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> VIEW_KEYS = Set.of("version", "source", "comment", "dimensions", "measures");
  private static final Set<String> SIDE_KEYS = Set.of(MetricViewYaml.SIDECAR_KEY, "source", "row_noun", "dimensions",
      "measures");

  private ModelOverride() {}

  /**
   * The derived model with the override applied.
   *
   * @param columns the table's columns, which new measures and dimensions must use
   * @throws OverrideException when the override is not valid, with the key at fault
   */
  public static SemanticModel apply(SemanticModel derived, String override, Set<String> columns) {
    List<JsonNode> docs = parse(override, "el archivo");
    JsonNode view = null;
    JsonNode side = null;
    for (JsonNode d : docs) {
      if (d == null || d.isNull() || d.isMissingNode()) {
        continue;
      }
      if (!d.isObject()) {
        throw new OverrideException("el documento debe ser un mapa con 'measures' y/o 'dimensions'");
      }
      if (d.has(MetricViewYaml.SIDECAR_KEY)) {
        side = d;
      } else {
        view = d;
      }
    }
    List<JsonNode> base = parse(MetricViewYaml.writeBundle(derived), "el modelo derivado");
    ObjectNode baseView = (ObjectNode) base.get(0);
    ObjectNode baseSide = (ObjectNode) base.get(1);
    if (view != null) {
      OverrideChecks.view(view, VIEW_KEYS, derived.source(), columns);
      if (view.hasNonNull("comment")) {
        baseView.put("comment", view.get("comment").asText());
      }
      for (String list : new String[] {"measures", "dimensions"}) {
        merge(baseView, view, list, baseSide);
      }
    }
    if (side != null) {
      OverrideChecks.sidecar(side, SIDE_KEYS, columns);
      if (side.hasNonNull("row_noun")) {
        baseSide.put("row_noun", side.get("row_noun").asText());
      }
      merge(baseSide, side, "measures", null);
      merge(baseSide, side, "dimensions", null);
    }
    try {
      return MetricViewYaml.readBundle(YAML.writeValueAsString(baseView) + "---\n" + YAML.writeValueAsString(baseSide));
    } catch (IOException | IllegalArgumentException e) {
      throw new OverrideException("no se pudo combinar con el modelo derivado: " + e.getMessage());
    }
  }

  /** Entries of {@code over.list} laid over {@code base.list} by name. */
  private static void merge(ObjectNode base, JsonNode over, String list, ObjectNode baseSide) {
    JsonNode entries = over.get(list);
    if (entries == null || entries.isNull()) {
      return;
    }
    ArrayNode target = base.withArray(list);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String name = entry.get("name").asText();
      ObjectNode existing = find(target, name);
      if (existing == null && baseSide != null && !entry.hasNonNull("expr")) {
        throw new OverrideException(list + "[" + i + "]: «" + name + "» no está en el modelo derivado y le falta 'expr'");
      }
      if (existing == null) {
        target.add(entry.deepCopy());
      } else {
        existing.setAll((ObjectNode) entry.deepCopy());
      }
      if (baseSide != null && entry.has("expr")) {
        ObjectNode s = find(baseSide.withArray(list), name);
        if (s != null) { // the sidecar's column and aggregation described the derived expression
          s.remove(List.of("column", "aggregation"));
        }
      }
    }
  }

  private static ObjectNode find(ArrayNode entries, String name) {
    for (JsonNode e : entries) {
      if (e.isObject() && name.equalsIgnoreCase(e.path("name").asText())) {
        return (ObjectNode) e;
      }
    }
    return null;
  }

  private static List<JsonNode> parse(String text, String what) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNext()) {
        docs.add(it.next());
      }
    } catch (IOException | RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\\R")[0];
      throw new OverrideException(what + " no es YAML válido (" + msg + ")");
    }
    return docs;
  }

  /** An override that cannot be used; the message (Spanish) names the key at fault. */
  public static final class OverrideException extends RuntimeException {
    public OverrideException(String message) {
      super(message);
    }
  }
}
