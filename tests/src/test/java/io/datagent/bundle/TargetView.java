package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration one target deploys, merged as the CLI's {@code MergeTargetOverrides} does.
 *
 * <p>{@code bundle, workspace, artifacts, resources, sync, permissions, presets} merge into the top level;
 * {@code run_as} is replaced; a target's variable value (or its {@code default}/{@code lookup}) replaces the
 * top-level one. {@code mode} and {@code default} stay target metadata. The view keeps {@code ${...}} references;
 * {@link VariableResolver} substitutes variables into it.
 */
final class TargetView {

  private static final List<String> MERGED_FIELDS =
      List.of("bundle", "workspace", "artifacts", "resources", "sync", "permissions", "presets");

  private final Bundle bundle;
  private final String target;
  private final ObjectNode config;
  private final Map<String, JsonNode> variables;
  private final Set<String> requiredAtDeploy;
  private final List<Problem> problems;

  private TargetView(Bundle bundle, String target, ObjectNode config, Map<String, JsonNode> variables,
      Set<String> requiredAtDeploy, List<Problem> problems) {
    this.bundle = bundle;
    this.target = target;
    this.config = config;
    this.variables = variables;
    this.requiredAtDeploy = requiredAtDeploy;
    this.problems = problems;
  }

  static TargetView of(Bundle bundle, String target) {
    ObjectNode root = bundle.merged();
    JsonNode overrides = root.path("targets").path(target);
    if (!overrides.isObject()) {
      throw new IllegalArgumentException("no target named " + target + " in " + bundle.root());
    }
    List<Problem> problems = new ArrayList<>();
    ObjectNode config = root.deepCopy();
    config.remove("targets");
    for (String field : MERGED_FIELDS) {
      if (overrides.has(field)) {
        try {
          config.set(field, ConfigMerge.merge(config.get(field), overrides.get(field)));
        } catch (IllegalArgumentException e) {
          NodePath at = NodePath.of("targets", target, field);
          problems.add(new Problem(bundle.describe(null, at), at.toString(), e.getMessage(), "target " + target));
        }
      }
    }
    if (overrides.has("run_as")) {
      config.set("run_as", overrides.get("run_as").deepCopy());
    }
    ConfigMerge.foldJobElements(config);
    overrideVariables(bundle, target, config, overrides.path("variables"), problems);

    Map<String, JsonNode> values = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    config.path("variables").fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (v.has("default")) {
        values.put(e.getKey(), v.get("default"));
      } else if (v.has("lookup")) {
        values.put(e.getKey(), new TextNode("<id looked up: " + v.get("lookup") + ">"));
      } else {
        values.put(e.getKey(), new TextNode("<" + e.getKey() + ", given at deploy>"));
        required.add(e.getKey());
      }
    });
    return new TargetView(bundle, target, config, values, required, problems);
  }

  private static void overrideVariables(Bundle bundle, String target, ObjectNode config, JsonNode overrides,
      List<Problem> problems) {
    ObjectNode declared = config.get("variables") instanceof ObjectNode v ? v : config.putObject("variables");
    overrides.fields().forEachRemaining(e -> {
      NodePath at = NodePath.of("targets", target, "variables", e.getKey());
      if (!(declared.get(e.getKey()) instanceof ObjectNode variable)) {
        problems.add(new Problem(bundle.describe(null, at), at.toString(),
            "overrides variable '" + e.getKey() + "', which the top-level variables do not declare", "target " + target));
        return;
      }
      JsonNode value = e.getValue();
      boolean complex = "complex".equals(variable.path("type").asText());
      // A mapping with default or lookup is the full form, unless the variable is complex and the mapping is its value.
      boolean full = value.isObject() && (value.has("default") || value.has("lookup"))
          && (!complex || onlyVariableFields(value));
      if (full && value.has("lookup")) {
        variable.remove("default");
        variable.set("lookup", value.get("lookup"));
      } else {
        variable.remove("lookup");
        variable.set("default", full ? value.get("default") : value);
      }
    });
  }

  private static boolean onlyVariableFields(JsonNode value) {
    List<String> names = new ArrayList<>();
    value.fieldNames().forEachRemaining(names::add);
    return List.of("default", "lookup", "description", "type").containsAll(names);
  }

  Bundle bundle() {
    return bundle;
  }

  String target() {
    return target;
  }

  /** The merged configuration, without {@code targets}; references still unresolved. */
  ObjectNode config() {
    return config;
  }

  /** Each variable's value in this target (unresolved); placeholders for lookups and values given at deploy. */
  Map<String, JsonNode> variables() {
    return variables;
  }

  /** Variables with neither a default nor a lookup here: {@code bundle deploy} needs {@code --var} for each. */
  Set<String> requiredAtDeploy() {
    return requiredAtDeploy;
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  Problem problem(NodePath path, String message) {
    return new Problem(bundle.describe(target, path), path.toString(), message, "target " + target);
  }
}
