package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds values in a response body by dotted path ({@code ListaEESSPrecio}, {@code meta.next_cursor}). */
final class Records {

  private Records() {}

  /** The node at {@code dotted} (empty: the body itself), or a missing node. */
  static JsonNode path(JsonNode body, String dotted) {
    JsonNode n = body;
    if (dotted == null || dotted.isEmpty()) {
      return n;
    }
    for (String part : dotted.split("\\.")) {
      n = n == null ? null : n.path(part);
    }
    return n;
  }

  /** The array of records, or null when the path does not lead to an array. */
  static JsonNode array(JsonNode body, String dotted) {
    JsonNode n = path(body, dotted);
    return n != null && n.isArray() ? n : null;
  }
}
