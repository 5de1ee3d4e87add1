package io.datagent.jobmonitor.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark's and Delta's own error catalogues ({@code error/error-classes.json} of spark-common-utils 3.5.3 and
 * {@code error/delta-error-classes.json} of delta-spark 3.3.0), unpacked from those JARs at build time into this
 * module's resources (see monitor/pom.xml): the App has no Spark on its classpath, and nobody retypes them.
 */
public final class ErrorCatalog {

  public static final String SPARK_RESOURCE = "/io/datagent/jobmonitor/catalog/spark/error/error-classes.json";
  public static final String DELTA_RESOURCE = "/io/datagent/jobmonitor/catalog/delta/error/delta-error-classes.json";

  /** One error class: its name, SQLSTATE (null for most legacy Spark classes), source and message template. */
  public record Entry(String name, String sqlState, String source, String message, Map<String, String> subClasses) {}

  private final Map<String, Entry> entries;

  private ErrorCatalog(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** Loads both catalogues from the classpath; fails loudly if the build did not unpack them. */
  public static ErrorCatalog load() {
    Map<String, Entry> all = new LinkedHashMap<>();
    read(SPARK_RESOURCE, "spark", all);
    read(DELTA_RESOURCE, "delta", all);
    return new ErrorCatalog(all);
  }

  private static void read(String resource, String source, Map<String, Entry> into) {
    try (InputStream in = ErrorCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Error catalogue " + resource + " is missing from the classpath; it is "
            + "unpacked from the Spark/Delta JARs at build time by monitor/pom.xml (mvn -pl monitor generate-resources)");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Iterator<Map.Entry<String, JsonNode>> it = root.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        Map<String, String> subs = new LinkedHashMap<>();
        if (v.has("subClass")) {
          v.get("subClass").fields().forEachRemaining(s -> subs.put(s.getKey(), lines(s.getValue().get("message"))));
        }
        String state = v.hasNonNull("sqlState") ? v.get("sqlState").asText() : null;
        into.putIfAbsent(e.getKey(), new Entry(e.getKey(), state, source, lines(v.get("message")), subs));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  private static String lines(JsonNode message) {
    if (message == null) {
      return "";
    }
    if (!message.isArray()) {
      return message.asText();
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode l : message) {
      sb.append(sb.length() == 0 ? "" : "\n").append(l.asText());
    }
    return sb.toString();
  }

  /** The class named {@code name}, or of its main class for {@code MAIN.SUB_CLASS}; null when unknown. */
  public Entry find(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      int dot = name.indexOf('.');
      e = dot > 0 ? entries.get(name.substring(0, dot)) : null;
    }
    return e;
  }

  public Collection<Entry> entries() {
    return entries.values();
  }

  public int size() {
    return entries.size();
  }

  /** How many classes each source lists (for the start-up log and tests). */
  public Map<String, Integer> countsBySource() {
    Map<String, Integer> out = new HashMap<>();
    entries.values().forEach(e -> out.merge(e.source(), 1, Integer::sum));
    return out;
  }
}
