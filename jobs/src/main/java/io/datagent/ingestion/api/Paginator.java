package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds an endpoint's first URL and, from each page received, the next one (null at the end). */
final class Paginator {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private final String base;
  private final ApiEndpoint endpoint;
  private final Map<String, String> fixed;

  /** {@code since}: high-water mark sent as the source's incremental parameter, or null. */
  Paginator(ApiSource source, ApiEndpoint endpoint, String since) {
    this.base = source.baseUrl() + (endpoint.path().startsWith("/") ? "" : "/") + endpoint.path();
    this.endpoint = endpoint;
    this.fixed = new LinkedHashMap<>(endpoint.params());
    if (since != null && source.incremental().enabled()) {
      fixed.put(source.incremental().param(), since);
    }
  }

  String first() {
    Pagination p = endpoint.pagination();
    Map<String, String> q = new LinkedHashMap<>(fixed);
    switch (p.style()) {
      case PAGE -> {
        q.put(p.pageParam(), "1");
        q.put(p.sizeParam(), String.valueOf(p.size()));
      }
      case OFFSET -> {
        q.put(p.offsetParam(), "0");
        q.put(p.sizeParam(), String.valueOf(p.size()));
      }
      case LINK, CURSOR -> {
        if (p.sizeParam() != null && p.size() > 0) {
          q.put(p.sizeParam(), String.valueOf(p.size()));
        }
      }
      default -> { }
    }
    return url(q);
  }

  /** The URL after {@code received} (page number {@code page}, {@code records} records), or null when done. */
  String next(HttpPage received, int page, int records) {
    Pagination p = endpoint.pagination();
    return switch (p.style()) {
      case NONE -> null;
      case PAGE -> {
        String total = received.header("X-WP-TotalPages");
        boolean more = total != null ? page < parseInt(total) : records >= p.size();
        if (!more || records == 0) {
          yield null;
        }
        Map<String, String> q = new LinkedHashMap<>(fixed);
        q.put(p.pageParam(), String.valueOf(page + 1));
        q.put(p.sizeParam(), String.valueOf(p.size()));
        yield url(q);
      }
      case OFFSET -> {
        if (records < p.size()) {
          yield null;
        }
        Map<String, String> q = new LinkedHashMap<>(fixed);
        q.put(p.offsetParam(), String.valueOf((long) page * p.size()));
        q.put(p.sizeParam(), String.valueOf(p.size()));
        yield url(q);
      }
      case LINK -> {
        String next = relNext(received.headers().entrySet().stream()
            .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Link"))
            .flatMap(e -> e.getValue().stream()).reduce((a, b) -> a + "," + b).orElse(null));
        yield next == null ? null : URI.create(received.url()).resolve(next).toString();
      }
      case CURSOR -> {
        String cursor = text(Records.path(received.json(), p.next()));
        if (cursor == null) {
          yield null;
        }
        Map<String, String> q = new LinkedHashMap<>(fixed);
        if (p.sizeParam() != null && p.size() > 0) {
          q.put(p.sizeParam(), String.valueOf(p.size()));
        }
        q.put(p.cursorParam(), cursor);
        yield url(q);
      }
      case NEXT_URL -> {
        String next = text(Records.path(received.json(), p.next()));
        yield next == null ? null : URI.create(received.url()).resolve(next).toString();
      }
    };
  }

  /** The target of {@code rel="next"} in an RFC 8288 {@code Link} header value, or null. */
  static String relNext(String header) {
    if (header == null) {
      return null;
    }
    Matcher m = LINK.matcher(header);
    while (m.find()) {
      Matcher rel = REL.matcher(m.group(2));
      while (rel.find()) {
        for (String r : rel.group(1).trim().split("\\s+")) {
          if (r.equalsIgnoreCase("next")) {
            return m.group(1).trim();
          }
        }
      }
    }
    return null;
  }

  private String url(Map<String, String> q) {
    if (q.isEmpty()) {
      return base;
    }
    StringBuilder sb = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
    q.forEach((k, v) -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
    return sb.substring(0, sb.length() - 1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || n.asText().isBlank() ? null : n.asText();
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
