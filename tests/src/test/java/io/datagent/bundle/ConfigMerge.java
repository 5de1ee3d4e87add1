package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Databricks CLI's merge rules for configuration trees (libs/dyn/merge and the job mutators), for the fields
 * this bundle uses.
 *
 * <p>Maps merge key by key, lists concatenate, a scalar on the right wins and a null on either side yields the
 * other. Afterwards, as the CLI's merge_job_* mutators do, job tasks, job clusters and job parameters with the same
 * key are folded into the first of them.
 */
final class ConfigMerge {

  private ConfigMerge() {}

  static JsonNode merge(JsonNode left, JsonNode right) {
    if (left == null || left.isNull() || left.isMissingNode()) {
      return right == null ? null : right.deepCopy();
    }
    if (right == null || right.isNull() || right.isMissingNode()) {
      return left.deepCopy();
    }
    if (left.isObject() && right.isObject()) {
      ObjectNode out = (ObjectNode) left.deepCopy();
      right.fields().forEachRemaining(e -> out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue())));
      return out;
    }
    if (left.isArray() && right.isArray()) {
      ArrayNode out = (ArrayNode) left.deepCopy();
      right.forEach(item -> out.add(item.deepCopy()));
      return out;
    }
    if (left.isContainerNode() || right.isContainerNode()) {
      throw new IllegalArgumentException("cannot merge " + left.getNodeType() + " with " + right.getNodeType());
    }
    return right.deepCopy();
  }

  /** Folds job tasks, job clusters and parameters that share a key, as the CLI does after merging targets. */
  static void foldJobElements(ObjectNode config) {
    JsonNode jobs = config.path("resources").path("jobs");
    jobs.fields().forEachRemaining(job -> {
      if (job.getValue() instanceof ObjectNode j) {
        fold(j, "tasks", "task_key");
        fold(j, "job_clusters", "job_cluster_key");
        fold(j, "parameters", "name");
      }
    });
  }

  private static void fold(ObjectNode owner, String field, String key) {
    if (!(owner.get(field) instanceof ArrayNode list)) {
      return;
    }
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    var unkeyed = new ArrayList<JsonNode>();
    for (JsonNode item : list) {
      String k = item.path(key).asText(null);
      if (k == null) {
        unkeyed.add(item);
      } else {
        byKey.merge(k, item, ConfigMerge::merge);
      }
    }
    ArrayNode out = owner.putArray(field);
    byKey.values().forEach(out::add);
    unkeyed.forEach(out::add);
  }
}
