package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every {@code ${...}} reference and every {@code {{...}}} job dynamic value in a target's view points
 * at something that exists.
 *
 * <p>{@code ${var.x}} needs a declared variable (and, for {@code ${var.x.field}}, that field in its value);
 * {@code ${resources.<type>.<key>.<field>}} needs the resource, is resolved only inside {@code resources}, and the
 * field must be {@code id}, {@code url}, one the resource sets or one the platform fills in when it creates the resource
 * (an App's service principal); {@code ${bundle.*}}, {@code ${workspace.*}} and
 * {@code ${artifacts.<name>}} are checked by name. {@code {{job.parameters.x}}} needs a parameter {@code x} on the
 * same job, {@code {{tasks.<key>...}}} a task of that job.
 */
final class ReferenceCheck {

  private static final Pattern DYNAMIC = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern RESOURCE = Pattern.compile("resources\\.([\\w-]+)\\.([\\w-]+)((?:\\.[\\w-]+|\\[\\d+])*)");
  private static final Set<String> BUNDLE_FIELDS = Set.of("name", "target", "git", "uuid", "cluster_id", "mode");
  private static final Pattern WORKSPACE = Pattern.compile(
      "workspace\\.(host|profile|root_path|file_path|artifact_path|state_path|resource_path"
          + "|current_user\\.(userName|short_name|id|displayName|domain_friendly_name))");
  private static final Pattern JOB_DYNAMIC = Pattern.compile(
      "job\\.(id|name|run_id|repair_count|start_time(\\.[\\w\\[\\]]+)?|trigger\\.(type|file_arrival\\.location"
          + "|time(\\.[\\w\\[\\]]+)?))|task\\.(name|run_id|notebook_path|execution_count)|workspace\\.(id|url)"
          + "|backfill\\.[\\w.\\[\\]]+");
  private static final Pattern TASKS_DYNAMIC =
      Pattern.compile("tasks\\.([\\w-]+)\\.(run_id|result_state|error_code|execution_count|notebook_path|values\\.[\\w-]+)");
  private static final Pattern JOB_PARAMETER = Pattern.compile("job\\.parameters\\.([\\w-]+)");
  /** Fields a resource has only once deployed, which the CLI resolves from the deployment's state. */
  static final Map<String, Set<String>> DEPLOYED_FIELDS = Map.of(
      "apps", Set.of("service_principal_client_id", "service_principal_id", "service_principal_name"));

  private final TargetView view;
  private final VariableResolver resolver;
  private final List<Problem> problems = new ArrayList<>();

  private ReferenceCheck(TargetView view) {
    this.view = view;
    this.resolver = new VariableResolver(view);
  }

  static List<Problem> check(TargetView view) {
    ReferenceCheck check = new ReferenceCheck(view);
    walk(view.config(), NodePath.ROOT, check::checkString);
    check.problems.addAll(check.resolver.problems());
    return check.problems;
  }

  static void walk(JsonNode node, NodePath path, BiConsumer<NodePath, String> visitor) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> walk(e.getValue(), path.key(e.getKey()), visitor));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path.index(i), visitor);
      }
    } else if (node.isTextual()) {
      visitor.accept(path, node.asText());
    }
  }

  private void checkString(NodePath path, String text) {
    Matcher ref = VariableResolver.REFERENCE.matcher(text);
    while (ref.find()) {
      String error = reference(ref.group(1), path, !ref.group().equals(text));
      if (error != null) {
        problems.add(view.problem(path, error));
      }
    }
    Matcher dyn = DYNAMIC.matcher(text);
    while (dyn.find()) {
      String error = dynamic(dyn.group(1), path);
      if (error != null) {
        problems.add(view.problem(path, error));
      }
    }
  }

  private String reference(String ref, NodePath path, boolean embedded) {
    String shown = "${" + ref + "}";
    Matcher var = VariableResolver.VARIABLE.matcher(ref.replaceFirst("^variables\\.([\\w-]+)\\.value", "var.$1"));
    if (var.matches()) {
      String name = var.group(1);
      JsonNode value = resolver.value(name);
      if (value == null) {
        return shown + " refers to variable '" + name + "', which is not declared; declared: " + view.variables().keySet();
      }
      JsonNode field = NodePath.ROOT.find(value);
      for (String part : var.group(2).split("[.\\[\\]]+")) {
        if (!part.isEmpty()) {
          field = part.matches("\\d+") ? field.path(Integer.parseInt(part)) : field.path(part);
        }
      }
      if (field.isMissingNode()) {
        return shown + ": variable '" + name + "' has no" + var.group(2) + " in its value";
      }
      return embedded && field.isContainerNode()
          ? shown + " is a mapping or list and cannot be part of a longer string" : null;
    }
    Matcher resource = RESOURCE.matcher(ref);
    if (resource.matches()) {
      return resourceReference(shown, resource, path);
    }
    String[] parts = ref.split("\\.", 2);
    switch (parts[0]) {
      case "bundle":
        return parts.length == 2 && BUNDLE_FIELDS.contains(parts[1].split("\\.")[0]) ? null
            : shown + " is not a bundle field the CLI provides (" + BUNDLE_FIELDS + ")";
      case "workspace":
        return WORKSPACE.matcher(ref).matches() ? null : shown + " is not a workspace field the CLI provides";
      case "artifacts":
        return parts.length == 2 && view.config().path("artifacts").has(parts[1].split("\\.")[0]) ? null
            : shown + " refers to an artifact this bundle does not define";
      default:
        return shown + " is not a reference the CLI resolves (use var., resources., bundle., workspace. or artifacts.)";
    }
  }

  private String resourceReference(String shown, Matcher resource, NodePath path) {
    if (!path.startsWith("resources")) {
      return shown + ": ${resources...} references are resolved only inside resources";
    }
    String type = resource.group(1);
    String key = resource.group(2);
    JsonNode definition = view.config().path("resources").path(type).path(key);
    if (definition.isMissingNode()) {
      List<String> keys = new ArrayList<>();
      view.config().path("resources").path(type).fieldNames().forEachRemaining(keys::add);
      return shown + " refers to resources." + type + "." + key + ", which is not defined"
          + (keys.isEmpty() ? " (no " + type + " at all)" : "; " + type + " defined: " + keys);
    }
    String field = resource.group(3).replaceFirst("^\\.", "").split("[.\\[]")[0];
    if (field.isEmpty()) {
      return shown + " names no field; use e.g. ${resources." + type + "." + key + ".id}";
    }
    return field.equals("id") || field.equals("url") || definition.has(field)
        || DEPLOYED_FIELDS.getOrDefault(type, Set.of()).contains(field) ? null
        : shown + ": resources." + type + "." + key + " does not set '" + field + "' (only id, url, fields it sets"
            + (DEPLOYED_FIELDS.containsKey(type) ? " or " + DEPLOYED_FIELDS.get(type) : "") + ")";
  }

  private String dynamic(String value, NodePath path) {
    String shown = "{{" + value + "}}";
    if (!path.startsWith("resources", "jobs") || path.size() < 3) {
      return shown + ": job dynamic values are substituted only in job settings";
    }
    JsonNode job = view.config().path("resources").path("jobs").path((String) path.get(2));
    Matcher parameter = JOB_PARAMETER.matcher(value);
    if (parameter.matches()) {
      Set<String> names = names(job.path("parameters"), "name");
      return names.contains(parameter.group(1)) ? null
          : shown + " refers to job parameter '" + parameter.group(1) + "', which the job does not define; defined: " + names;
    }
    Matcher tasks = TASKS_DYNAMIC.matcher(value);
    if (tasks.matches()) {
      return names(job.path("tasks"), "task_key").contains(tasks.group(1)) ? null
          : shown + " refers to task '" + tasks.group(1) + "', which the job does not have";
    }
    return JOB_DYNAMIC.matcher(value).matches() ? null : shown + " is not a job dynamic value reference";
  }

  static Set<String> names(JsonNode list, String field) {
    Set<String> names = new HashSet<>();
    list.forEach(item -> names.add(item.path(field).asText()));
    return names;
  }
}
