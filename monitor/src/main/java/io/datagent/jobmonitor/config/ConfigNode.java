package io.datagent.jobmonitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A read-only view of one node of the monitor's configuration file that knows its own path, so every problem is
 * reported with the offending key ({@code policies.jobs.ingestion.resource.action: ...}).
 *
 * <p>NOTE: {@link #done()} refuses keys that were never read: a mistyped key fails at start-up instead of being
 * silently ignored (the same contract as {@code ArgSpec} for job parameters).
 */
public final class ConfigNode {

  private final JsonNode node;
  private final String path;
  private final String source;
  private final Set<String> read = new LinkedHashSet<>();

  ConfigNode(JsonNode node, String path, String source) {
    this.node = node;
    this.path = path;
    this.source = source;
  }

  public String path() {
    return path;
  }

  public boolean has(String key) {
    return node != null && node.has(key) && !node.get(key).isNull();
  }

  public ConfigNode child(String key) {
    read.add(key);
    JsonNode c = node == null ? null : node.get(key);
    if (c != null && !c.isNull() && !c.isObject()) {
      throw problem(key, "must be a mapping, got " + c.getNodeType().name().toLowerCase());
    }
    return new ConfigNode(c, join(key), source);
  }

  public String string(String key, String def) {
    read.add(key);
    JsonNode c = node == null ? null : node.get(key);
    if (c == null || c.isNull()) {
      return def;
    }
    if (!c.isValueNode()) {
      throw problem(key, "must be a text value");
    }
    return c.asText();
  }

  public String required(String key) {
    String v = string(key, null);
    if (v == null || v.isBlank()) {
      throw problem(key, "is required");
    }
    return v;
  }

  public double number(String key, double def, double min, double max) {
    read.add(key);
    JsonNode c = node == null ? null : node.get(key);
    if (c == null || c.isNull()) {
      return def;
    }
    double v;
    if (c.isNumber()) {
      v = c.asDouble();
    } else if (c.isTextual() && c.asText().isBlank()) {
      return def;
    } else {
      try {
        v = Double.parseDouble(c.asText().trim());
      } catch (NumberFormatException e) {
        throw problem(key, "must be a number, got '" + c.asText() + "'");
      }
    }
    if (v < min || v > max) {
      throw problem(key, "must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  public int integer(String key, int def, int min, int max) {
    double v = number(key, def, min, max);
    if (v != Math.rint(v)) {
      throw problem(key, "must be a whole number, got " + v);
    }
    return (int) v;
  }

  public boolean bool(String key, boolean def) {
    String v = string(key, null);
    if (v == null || v.isBlank()) {
      return def;
    }
    if (!v.trim().equalsIgnoreCase("true") && !v.trim().equalsIgnoreCase("false")) {
      throw problem(key, "must be true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(v.trim());
  }

  public List<String> strings(String key) {
    read.add(key);
    JsonNode c = node == null ? null : node.get(key);
    List<String> out = new ArrayList<>();
    if (c == null || c.isNull()) {
      return out;
    }
    if (c.isTextual()) {
      // "a@x, b@y" in one string: convenient when the value comes from one environment variable
      for (String s : c.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
      return out;
    }
    if (!c.isArray()) {
      throw problem(key, "must be a list of text values");
    }
    for (JsonNode e : c) {
      if (!e.isValueNode()) {
        throw problem(key, "must be a list of text values");
      }
      out.add(e.asText());
    }
    return out;
  }

  public List<ConfigNode> list(String key) {
    read.add(key);
    JsonNode c = node == null ? null : node.get(key);
    List<ConfigNode> out = new ArrayList<>();
    if (c == null || c.isNull()) {
      return out;
    }
    if (!c.isArray()) {
      throw problem(key, "must be a list");
    }
    for (int i = 0; i < c.size(); i++) {
      if (!c.get(i).isObject()) {
        throw new IllegalArgumentException(source + ": " + join(key) + "[" + i + "] must be a mapping");
      }
      out.add(new ConfigNode(c.get(i), join(key) + "[" + i + "]", source));
    }
    return out;
  }

  /** Every key of a free-form mapping (e.g. job names), each read through {@code reader}. */
  public <T> Map<String, T> entries(Function<Map.Entry<String, ConfigNode>, T> reader) {
    Map<String, T> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      read.add(e.getKey());
      out.put(e.getKey(), reader.apply(Map.entry(e.getKey(), new ConfigNode(e.getValue(), join(e.getKey()), source))));
    }
    return out;
  }

  /** The text value of this node itself (for {@code key: value} mappings read through {@link #entries}). */
  public String text() {
    if (node == null || !node.isValueNode()) {
      throw new IllegalArgumentException(source + ": " + path + " must be a text value");
    }
    return node.asText();
  }

  public boolean isValue() {
    return node != null && node.isValueNode();
  }

  /** Refuses keys this node has that nobody read (typos). */
  public void done() {
    if (node == null) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!read.contains(n)) {
        throw problem(n, "is not a known setting here (known: " + String.join(", ", read) + ")");
      }
    }
  }

  public IllegalArgumentException problem(String key, String message) {
    return new IllegalArgumentException(source + ": " + join(key) + " " + message);
  }

  public IllegalArgumentException problem(String message) {
    return new IllegalArgumentException(source + ": " + path + " " + message);
  }

  private String join(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
