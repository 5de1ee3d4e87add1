package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Turns one JSON record into flat text fields, the form the file typing rules read.
 *
 * <p>Nested objects become dotted names ({@code author.name}), except WordPress's {@code {"rendered": …}} wrappers,
 * which take the parent's name ({@code title.rendered} → {@code title}); arrays stay as JSON text; numbers and
 * booleans as their JSON text; null as null. Fields listed as HTML are reduced to their text (jsoup: tags dropped,
 * entities decoded, whitespace collapsed). Without a field list, top-level keys starting with {@code _} (WordPress
 * {@code _links}, {@code _embedded}) are left out, as names starting with {@code _} are kept for lineage columns.
 */
final class RecordFlattener implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final java.util.List<String> fields;
  private final Set<String> html;

  RecordFlattener(ApiEndpoint endpoint) {
    this.fields = java.util.List.copyOf(endpoint.fields());
    this.html = Set.copyOf(endpoint.htmlFields());
  }

  Map<String, String> flatten(JsonNode record) {
    Map<String, String> all = new LinkedHashMap<>();
    walk("", record, all, fields.isEmpty());
    Map<String, String> out;
    if (fields.isEmpty()) {
      out = all;
    } else {
      out = new LinkedHashMap<>();
      for (String f : fields) {
        out.put(f, all.get(f));
      }
    }
    for (String h : html) {
      String v = out.get(h);
      if (v != null) {
        out.put(h, Jsoup.parse(v).text());
      }
    }
    return out;
  }

  private static void walk(String prefix, JsonNode n, Map<String, String> out, boolean skipUnderscore) {
    if (n.isObject()) {
      if (!prefix.isEmpty() && n.has("rendered") && n.get("rendered").isValueNode()) {
        out.put(prefix, n.get("rendered").isNull() ? null : n.get("rendered").asText());
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (prefix.isEmpty() && skipUnderscore && e.getKey().startsWith("_")) {
          continue;
        }
        walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, skipUnderscore);
      }
      return;
    }
    if (n.isNull() || n.isMissingNode()) {
      out.put(prefix, null);
    } else if (n.isArray()) {
      out.put(prefix, n.toString());
    } else if (n.isNumber()) {
      out.put(prefix, n.numberValue() instanceof java.math.BigDecimal d ? d.toPlainString() : n.asText());
    } else {
      out.put(prefix, n.asText());
    }
  }
}
