package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target's configuration as the CLI hands it to the workspace, computed offline for a sample deploying user:
 * variables substituted ({@link VariableResolver}), {@code ${workspace.current_user.*}} for {@link #USER_NAME},
 * development mode's schema prefix applied as the CLI's ApplyPresets does ({@code dev_<short name>_}; Apps, Volumes,
 * Lakebase instances and secret scopes get none), then {@code ${resources.<type>.<key>.<field>}} replaced by the
 * field's value. A field the workspace assigns on creation (ids, an App's service principal) reads
 * {@code <deployed resources...>}.
 *
 * <p>{@link #appEnv} is the environment {@code databricks bundle run <app>} deploys the App with (its {@code config}):
 * a {@code value_from} entry reads {@code <from resource 'name'>}.
 */
final class Deployed {

  /** The deploying user of the sample; its CLI short name is {@link #SHORT_NAME}. */
  static final String USER_NAME = "jane.doe@example.com";
  /** What the CLI's GetShortUserName makes of {@link #USER_NAME}: the local part, non-alphanumerics as '_'. */
  static final String SHORT_NAME = "jane_doe";

  private static final Pattern RESOURCE_FIELD = Pattern.compile("\\$\\{resources\\.([\\w-]+)\\.([\\w-]+)\\.([\\w-]+)}");

  private final String target;
  private final ObjectNode config;

  private Deployed(String target, ObjectNode config) {
    this.target = target;
    this.config = config;
  }

  static Deployed of(Bundle bundle, String target) {
    ObjectNode config = new VariableResolver(TargetView.of(bundle, target)).resolve();
    config = (ObjectNode) map(config, text -> text
        .replace("${workspace.current_user.userName}", USER_NAME)
        .replace("${workspace.current_user.short_name}", SHORT_NAME));
    if ("development".equals(bundle.merged().path("targets").path(target).path("mode").asText())) {
      String prefix = "dev_" + SHORT_NAME + "_";
      config.path("resources").path("schemas").forEach(schema ->
          ((ObjectNode) schema).put("name", prefix + schema.path("name").asText()));
    }
    for (int round = 0; round < 5; round++) {
      ObjectNode current = config;
      config = (ObjectNode) map(current, text -> resolveFields(text, current));
    }
    return new Deployed(target, config);
  }

  String target() {
    return target;
  }

  /** The configuration with everything above substituted. */
  ObjectNode config() {
    return config;
  }

  /** The App's environment from its {@code config.env}, in order. */
  Map<String, String> appEnv(String appKey) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : config.path("resources").path("apps").path(appKey).path("config").path("env")) {
      env.put(e.path("name").asText(), e.has("value_from")
          ? "<from resource '" + e.path("value_from").asText() + "'>" : e.path("value").asText());
    }
    return env;
  }

  /** The parameters of a JAR task as name to value ({@code --catalog main} gives catalog=main). */
  Map<String, String> taskOptions(String jobKey, String taskKey) {
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode task : config.path("resources").path("jobs").path(jobKey).path("tasks")) {
      if (task.path("task_key").asText().equals(taskKey)) {
        JsonNode p = task.path("spark_jar_task").path("parameters");
        for (int i = 0; i + 1 < p.size(); i++) {
          if (p.get(i).asText().startsWith("--")) {
            options.put(p.get(i).asText().substring(2), p.get(i + 1).asText());
          }
        }
      }
    }
    return options;
  }

  private static String resolveFields(String text, JsonNode config) {
    Matcher m = RESOURCE_FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = config.path("resources").path(m.group(1)).path(m.group(2)).path(m.group(3));
      String replacement = value.isValueNode() ? value.asText()
          : "<deployed resources." + m.group(1) + "." + m.group(2) + "." + m.group(3) + ">";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static JsonNode map(JsonNode node, UnaryOperator<String> f) {
    if (node.isObject()) {
      ObjectNode out = node.deepCopy();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), map(e.getValue(), f)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = ((ArrayNode) node).arrayNode();
      node.forEach(item -> out.add(map(item, f)));
      return out;
    }
    return node.isTextual() ? new TextNode(f.apply(node.asText())) : node;
  }
}
