package io.datagent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variables of a bundle target as the CLI would resolve them before a deploy: {@code --var} values over the
 * target's {@code variables} over each variable's {@code default} (databricks.yml). A {@code ${workspace...}}
 * reference (the runner in dev) stays unresolved and means the deploying identity.
 */
public final class BundleVariables {

  private final JsonNode root;
  private final String target;
  private final Map<String, String> vars;

  public BundleVariables(Path databricksYml, String target, Map<String, String> vars) {
    try {
      this.root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(databricksYml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!root.path("targets").has(target)) {
      throw new IllegalArgumentException("el bundle no tiene el target '" + target + "'; hay: "
          + root.path("targets").properties().stream().map(Map.Entry::getKey).toList());
    }
    this.target = target;
    this.vars = Map.copyOf(vars);
  }

  /** The value a deploy of this target would use, or null (no default, or a lookup). */
  public String value(String name) {
    if (vars.containsKey(name)) {
      return vars.get(name);
    }
    JsonNode override = root.path("targets").path(target).path("variables").path(name);
    if (override.isValueNode()) {
      return override.asText();
    }
    JsonNode def = root.path("variables").path(name).path("default");
    return def.isValueNode() ? def.asText() : null;
  }

  /** What the deploy of this target needs from the workspace. */
  public DeployTarget deployTarget() {
    String runner = value("runner");
    List<String> include = new ArrayList<>();
    root.path("include").forEach(i -> include.add(i.asText()));
    return new DeployTarget(target, value("catalog"), value("artifact_schema"), value("artifact_volume"),
        value("warehouse_id"), root.path("variables").path("warehouse_id").path("lookup").path("warehouse").asText(null),
        List.of(value("business_group"), value("engineers_group")),
        List.of(value("llm_endpoint"), value("embedding_endpoint")),
        runner == null || runner.contains("${workspace.") ? null : runner,
        root.path("bundle").path("databricks_cli_version").asText("").replace(">=", "").strip(),
        include.stream().anyMatch(i -> i.equals("resources/optional/*.yml") || i.endsWith("lakebase_catalog.yml")),
        java.util.Objects.requireNonNullElse(value("lakebase_instance"), DeployTarget.LAKEBASE_INSTANCE));
  }
}
