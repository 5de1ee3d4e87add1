package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page as received: the URL asked for (secrets masked), status, response headers, the body text and its parse.
 */
public record HttpPage(String url, int status, Map<String, List<String>> headers, String body, JsonNode json, Instant fetchedAt) {

  /** First value of a header, case-insensitively, or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
