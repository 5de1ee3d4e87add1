package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * Finds values in a response body by path: a dotted path ({@code ListaEESSPrecio}, {@code meta.next_cursor},
 * {@code @graph}) or a JSONPath (Jayway JsonPath) when the path starts with {@code $} or uses brackets or {@code *}
 * ({@code $.included[?(@.id == '1001')].attributes.values}, {@code included[0].attributes.values}).
 *
 * <p>A JSONPath that can match more than once answers with the list of its matches; when each match is itself an
 * array (the records arrays of several elements), they are joined into one list of records.
 */
final class Records {

  private static final Configuration JSON_PATH = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider())
      .mappingProvider(new JacksonMappingProvider())
      .options(Option.SUPPRESS_EXCEPTIONS)
      .build();

  private Records() {}

  /** Whether {@code path} is read as a JSONPath rather than as dotted names. */
  static boolean isJsonPath(String path) {
    return path != null && (path.startsWith("$") || path.contains("[") || path.contains("*"));
  }

  /**
   * Checks a path before any request: null when it can be read, else why not (the JSONPath library's own message).
   */
  static String problem(String path) {
    if (!isJsonPath(path)) {
      return path != null && (path.startsWith(".") || path.endsWith(".") || path.contains("..")) ? "un nombre vacío entre puntos" : null;
    }
    try {
      JsonPath.compile(jsonPath(path));
      return null;
    } catch (InvalidPathException e) {
      return "JSONPath no válido: " + e.getMessage();
    }
  }

  /** The node at {@code path} (empty: the body itself), or a missing node. */
  static JsonNode path(JsonNode body, String path) {
    if (path == null || path.isEmpty()) {
      return body;
    }
    if (isJsonPath(path)) {
      JsonNode found = JsonPath.using(JSON_PATH).parse(body).read(jsonPath(path));
      return found == null ? MissingNode.getInstance() : joined(found);
    }
    JsonNode n = body;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.path(part);
    }
    return n;
  }

  /** The array of records, or null when the path does not lead to an array. */
  static JsonNode array(JsonNode body, String path) {
    JsonNode n = path(body, path);
    return n != null && n.isArray() ? n : null;
  }

  private static String jsonPath(String path) {
    return path.startsWith("$") ? path : "$." + path;
  }

  /** A list of matches that are all arrays becomes one array of their elements. */
  private static JsonNode joined(JsonNode found) {
    if (!found.isArray() || found.isEmpty()) {
      return found;
    }
    for (JsonNode match : found) {
      if (!match.isArray()) {
        return found;
      }
    }
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    for (JsonNode match : found) {
      all.addAll((ArrayNode) match);
    }
    return all;
  }
}
