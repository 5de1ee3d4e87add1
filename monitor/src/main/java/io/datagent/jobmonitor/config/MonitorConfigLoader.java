package io.datagent.jobmonitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the monitor's configuration: the defaults shipped in this module ({@value #DEFAULTS}), with the YAML or JSON
 * file named by {@value #ENV} merged over them, {@code ${VAR}} / {@code ${VAR:-default}} replaced from the
 * environment, and everything validated (unknown keys, categories, actions, numbers, regexes) with the offending
 * key in the message.
 */
public final class MonitorConfigLoader {

  public static final String DEFAULTS = "/io/datagent/jobmonitor/monitor.yml";
  public static final String ENV = "DATAGENT_MONITOR_CONFIG";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private MonitorConfigLoader() {}

  /** The defaults plus the file in {@code env[DATAGENT_MONITOR_CONFIG]}, if set. */
  public static MonitorConfig load(Map<String, String> env) {
    String override = env.get(ENV);
    return load(env, override == null || override.isBlank() ? null : Path.of(override));
  }

  public static MonitorConfig load(Map<String, String> env, Path overrideFile) {
    JsonNode tree = defaults();
    String source = "monitor config (" + DEFAULTS;
    if (overrideFile != null) {
      if (!Files.isRegularFile(overrideFile)) {
        throw new IllegalArgumentException(ENV + " points to " + overrideFile + ", which is not a file");
      }
      try {
        JsonNode over = YAML.readTree(overrideFile.toFile());
        if (over != null && !over.isNull()) {
          if (!over.isObject()) {
            throw new IllegalArgumentException(overrideFile + ": the top level must be a mapping");
          }
          tree = merge((ObjectNode) tree, (ObjectNode) over, "");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read " + overrideFile + ": " + e.getMessage());
      }
      source += " + " + overrideFile;
    }
    source += ")";
    JsonNode resolved = substitute(tree, env, source, "");
    return MonitorConfigReader.read(new ConfigNode(resolved, "", source), source);
  }

  static JsonNode defaults() {
    try (InputStream in = MonitorConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + DEFAULTS + ": " + e.getMessage(), e);
    }
  }

  /** Mappings merge key by key; {@code classification.rules} of the override go first; other lists replace. */
  static ObjectNode merge(ObjectNode base, ObjectNode over, String path) {
    ObjectNode out = base.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> it = over.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      JsonNode b = out.get(e.getKey());
      JsonNode o = e.getValue();
      if (b instanceof ObjectNode bo && o instanceof ObjectNode oo) {
        out.set(e.getKey(), merge(bo, oo, p));
      } else if (p.equals("classification.rules") && b instanceof ArrayNode ba && o instanceof ArrayNode oa) {
        ArrayNode joined = oa.deepCopy();
        ba.forEach(joined::add);
        out.set(e.getKey(), joined);
      } else {
        out.set(e.getKey(), o.deepCopy());
      }
    }
    return out;
  }

  static JsonNode substitute(JsonNode n, Map<String, String> env, String source, String path) {
    if (n.isTextual()) {
      Matcher m = VAR.matcher(n.asText());
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String v = env.get(m.group(1));
        if (v == null) {
          if (m.group(2) == null) {
            throw new IllegalArgumentException(source + ": " + path + " needs environment variable " + m.group(1)
                + " (or write ${" + m.group(1) + ":-default})");
          }
          v = m.group(2);
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(v));
      }
      m.appendTail(sb);
      return TextNode.valueOf(sb.toString());
    }
    if (n.isObject()) {
      ObjectNode out = ((ObjectNode) n).objectNode();
      n.fields().forEachRemaining(e -> out.set(e.getKey(),
          substitute(e.getValue(), env, source, path.isEmpty() ? e.getKey() : path + "." + e.getKey())));
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = ((ArrayNode) n).arrayNode();
      for (int i = 0; i < n.size(); i++) {
        out.add(substitute(n.get(i), env, source, path + "[" + i + "]"));
      }
      return out;
    }
    return n;
  }
}
