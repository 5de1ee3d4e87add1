package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads column descriptions out of an API's self-description ({@link SchemaSource}), keyed by the flattened field
 * names {@link RecordFlattener} gives the records: nested properties become {@code parent.child}, and WordPress's
 * {@code {"rendered": …}} wrappers take the parent's name and description.
 */
final class SchemaDescriptions {

  private SchemaDescriptions() {}

  /**
   * The descriptions in {@code doc}; a document without the part the source file points to is a
   * {@link SourceDefinitionException} naming the source, the endpoint's {@code schema} key and what is missing.
   */
  static Map<String, String> read(ApiSource source, ApiEndpoint ep, JsonNode doc) {
    SchemaSource s = ep.schema();
    Map<String, String> out = new LinkedHashMap<>();
    if (s.kind() == SchemaSource.Kind.WORDPRESS) {
      JsonNode props = doc.path("schema").path("properties");
      JsonNode endpoints = doc.path("endpoints");
      if (!props.isObject() && !endpoints.isArray()) {
        throw error(source, ep, "schema.url", "la respuesta OPTIONS no tiene 'schema.properties' ni 'endpoints' (¿es una ruta de la API REST de WordPress?)");
      }
      walk("", props, doc, out, new HashSet<>());
      for (JsonNode e : endpoints) { // the write endpoints' arguments are the record's fields, described the same way
        if (!e.path("methods").toString().contains("\"GET\"")) {
          for (Iterator<Map.Entry<String, JsonNode>> it = e.path("args").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            String d = a.getValue().path("description").asText("").strip();
            if (!d.isEmpty()) {
              out.putIfAbsent(a.getKey(), d);
            }
          }
        }
      }
    } else if (s.kind() == SchemaSource.Kind.OPENAPI) {
      JsonNode schemas = doc.path("components").path("schemas");
      if (!schemas.isObject()) {
        schemas = doc.path("definitions"); // Swagger 2
      }
      if (!schemas.isObject()) {
        throw error(source, ep, "schema.url", "el documento no tiene 'components.schemas' (OpenAPI 3) ni 'definitions' (Swagger 2)");
      }
      String[] parts = s.component().split("\\.");
      JsonNode record = schemas.path(parts[0]);
      if (!record.isObject()) {
        throw error(source, ep, "schema.component", "el documento no define el esquema '" + parts[0] + "'; tiene: "
            + String.join(", ", (Iterable<String>) schemas::fieldNames));
      }
      record = itemsOf(resolve(record, doc, new HashSet<>()), doc);
      for (int i = 1; i < parts.length; i++) { // records nested in a wrapper: Wrapper.list
        JsonNode next = record.path("properties").path(parts[i]);
        if (!next.isObject()) {
          throw error(source, ep, "schema.component", "el esquema '" + String.join(".", java.util.Arrays.copyOf(parts, i))
              + "' no tiene la propiedad '" + parts[i] + "'");
        }
        record = itemsOf(resolve(next, doc, new HashSet<>()), doc);
      }
      walk("", record.path("properties"), doc, out, new HashSet<>());
    }
    return out;
  }

  private static void walk(String prefix, JsonNode props, JsonNode doc, Map<String, String> out, Set<String> refs) {
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      Set<String> path = new HashSet<>(refs); // the references followed on the way here (a cycle stops)
      JsonNode p = resolve(e.getValue(), doc, path);
      String d = p.path("description").asText(p.path("title").asText("")).strip();
      JsonNode children = p.path("properties");
      if (children.isObject() && children.has("rendered")) {
        d = d.isEmpty() ? children.path("rendered").path("description").asText("").strip() : d;
      } else if (children.isObject()) {
        walk(name, children, doc, out, path);
      }
      if (!d.isEmpty()) {
        out.putIfAbsent(name, d);
      }
    }
  }

  /** The schema of an array's items (resolved), or the node itself. */
  private static JsonNode itemsOf(JsonNode n, JsonNode doc) {
    return n.path("type").asText("").equals("array") && n.has("items") ? resolve(n.get("items"), doc, new HashSet<>()) : n;
  }

  /** Follows a local {@code $ref} ({@code #/components/schemas/X}); a cycle or a foreign reference stays as is. */
  private static JsonNode resolve(JsonNode n, JsonNode doc, Set<String> seen) {
    String ref = n.path("$ref").asText("");
    if (!ref.startsWith("#/") || !seen.add(ref)) {
      return n;
    }
    JsonNode target = doc;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part.replace("~1", "/").replace("~0", "~"));
    }
    return target.isObject() ? resolve(target, doc, seen) : n;
  }

  private static SourceDefinitionException error(ApiSource source, ApiEndpoint ep, String key, String what) {
    return new SourceDefinitionException("Fuente " + source.name() + ", endpoint " + ep.table() + ", clave '" + key + "': " + what);
  }
}
