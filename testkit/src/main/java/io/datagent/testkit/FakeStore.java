package io.datagent.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smaller services: Files in Volumes ({@code PUT}/{@code GET /api/2.0/fs/files/Volumes/...}, listing by {@code GET /api/2.0/fs/directories/...}), Vector Search
 * queries ({@code POST /api/2.0/vector-search/indexes/{name}/query}, scripted per index), Lakebase credentials
 * ({@code POST /api/2.0/database/credentials}, {@code /api/2.0/postgres/credentials}) and MLflow experiments and
 * runs ({@code /api/2.0/mlflow/experiments/get-by-name|create}, {@code /api/2.0/mlflow/runs/create|log-metric|
 * log-batch|update|set-tag}), the shapes {@code org.mlflow:mlflow-client} sends: a run keeps {@code info} (with
 * {@code status} and {@code artifact_uri}), {@code metrics}, {@code params} and {@code tags} as key → value objects.
 * An experiment's artifact location is the one created with, else {@code mlflow-artifacts:/<id>} (a tracking server
 * that proxies artifacts), whose files arrive by {@code PUT /api/2.0/mlflow-artifacts/artifacts/<exp>/<run>/artifacts/
 * <path>} (answered {@code {}}, as mlflow's server does) and are kept by that path ({@link #mlflowArtifact}); a
 * {@code dbfs:/Volumes/...} location's files arrive through the Files API ({@link #file}).
 */
public final class FakeStore {

  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, String> indexes = new ConcurrentHashMap<>();
  private final Map<String, String> experiments = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> mlflowRuns = new ConcurrentHashMap<>();
  private final Map<String, String> artifactLocations = new ConcurrentHashMap<>();
  private final Map<String, byte[]> mlflowArtifacts = new ConcurrentHashMap<>();
  private final AtomicInteger credentials = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();

  /** The bytes uploaded to a Volume path, or null. */
  public byte[] file(String volumePath) {
    return files.get(volumePath);
  }

  public FakeStore putFile(String volumePath, byte[] bytes) {
    files.put(volumePath, bytes);
    return this;
  }

  /** What a Vector Search index answers: the API's JSON ({@code manifest.columns}, {@code result.data_array}). */
  public FakeStore vectorSearch(String index, String responseJson) {
    indexes.put(index, responseJson);
    return this;
  }

  /** How many Lakebase credentials were handed out. */
  public int credentialsIssued() {
    return credentials.get();
  }

  /** The MLflow runs created, by id, with their metrics. */
  public Map<String, ObjectNode> mlflowRuns() {
    return Map.copyOf(mlflowRuns);
  }

  /** The bytes uploaded through the MLflow artifacts proxy as {@code <exp>/<run>/artifacts/<path>}, or null. */
  public byte[] mlflowArtifact(String path) {
    return mlflowArtifacts.get(path);
  }

  void install(FakeWorkspace ws) {
    ws.route("PUT", "/api/2\\.0/fs/files/.+", (c, b) -> {
      files.put(volumePath(c.path()), c.bytes());
      return new Reply(204, "application/json", null);
    });
    ws.route("GET", "/api/2\\.0/fs/files/.+", (c, b) -> {
      byte[] f = files.get(volumePath(c.path()));
      return f == null ? Reply.error(404, "NOT_FOUND", "The file being accessed is not found.")
          : Reply.bytes("application/octet-stream", f);
    });
    ws.route("GET", "/api/2\\.0/fs/directories/.+", (c, b) -> {
      String dir = c.path().substring("/api/2.0/fs/directories".length()).replaceAll("/+$", "") + "/";
      java.util.Set<String> names = new java.util.TreeSet<>();
      files.keySet().stream().filter(f -> f.startsWith(dir)).map(f -> f.substring(dir.length()))
          .forEach(rest -> names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/') + 1) : rest));
      if (names.isEmpty()) {
        return Reply.error(404, "NOT_FOUND", "The directory being accessed is not found.");
      }
      java.util.List<Map<String, Object>> contents = names.stream().map(n -> Map.<String, Object>of("path", dir + n.replaceAll("/$", ""),
          "name", n.replaceAll("/$", ""), "is_directory", n.endsWith("/"))).toList();
      return Reply.json(Map.of("contents", contents));
    });
    ws.route("POST", "/api/2\\.0/vector-search/indexes/[^/]+/query", (c, b) -> {
      String index = c.path().split("/")[5];
      String r = indexes.get(index);
      return r == null ? Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Index " + index + " does not exist.") : Reply.json(r);
    });
    ws.route("POST", "/api/2\\.0/(database|postgres)/credentials", (c, b) ->
        Reply.json(Map.of("token", "pg-token-" + credentials.incrementAndGet(), "expiration_time", "2099-01-01T00:00:00Z")));
    ws.route("GET", "/api/2\\.0/mlflow/experiments/get-by-name", (c, b) -> {
      String name = FakeWorkspace.query(c).get("experiment_name");
      String id = experiments.get(name);
      return id == null ? Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name " + name)
          : Reply.json(Map.of("experiment", Map.of("experiment_id", id, "name", name,
              "artifact_location", artifactLocations.get(id))));
    });
    ws.route("POST", "/api/2\\.0/mlflow/experiments/create", (c, b) -> {
      String id = experiments.computeIfAbsent(b.path("name").asText(), k -> "exp-" + ids.incrementAndGet());
      artifactLocations.putIfAbsent(id, b.hasNonNull("artifact_location") ? b.path("artifact_location").asText()
          : "mlflow-artifacts:/" + id);
      return Reply.json(Map.of("experiment_id", id));
    });
    ws.route("PUT", "/api/2\\.0/mlflow-artifacts/artifacts/.+", (c, b) -> {
      mlflowArtifacts.put(c.path().substring("/api/2.0/mlflow-artifacts/artifacts/".length()), c.bytes());
      return Reply.json("{}");
    });
    ws.route("POST", "/api/2\\.0/mlflow/runs/set-tag", (c, b) -> {
      ObjectNode run = mlflowRuns.get(b.path("run_id").asText());
      if (run == null) {
        return Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + b.path("run_id").asText() + "' not found");
      }
      ((ObjectNode) run.withObject("/tags")).put(b.path("key").asText(), b.path("value").asText());
      return Reply.json("{}");
    });
    ws.route("POST", "/api/2\\.0/mlflow/runs/create", (c, b) -> {
      String id = "run-" + ids.incrementAndGet();
      ObjectNode run = FakeWorkspace.JSON.createObjectNode();
      String experiment = b.path("experiment_id").asText();
      run.putObject("info").put("run_id", id).put("experiment_id", experiment)
          .put("run_name", b.path("run_name").asText()).put("status", "RUNNING")
          .put("artifact_uri", artifactLocations.getOrDefault(experiment, "mlflow-artifacts:/" + experiment) + "/" + id
              + "/artifacts");
      mlflowRuns.put(id, run);
      return Reply.json("{\"run\":" + run + "}");
    });
    ws.route("POST", "/api/2\\.0/mlflow/runs/log-batch", (c, b) -> {
      ObjectNode run = mlflowRuns.get(b.path("run_id").asText());
      if (run == null) {
        return Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + b.path("run_id").asText() + "' not found");
      }
      if (b.path("metrics").size() > 1000 || b.path("params").size() > 100 || b.path("tags").size() > 100) {
        return Reply.error(400, "INVALID_PARAMETER_VALUE", "A batch logging request can contain at most 1000 metrics, "
            + "100 params and 100 tags");
      }
      b.path("metrics").forEach(m -> ((ObjectNode) run.withObject("/metrics")).put(m.path("key").asText(), m.path("value").asDouble()));
      b.path("params").forEach(m -> ((ObjectNode) run.withObject("/params")).put(m.path("key").asText(), m.path("value").asText()));
      b.path("tags").forEach(m -> ((ObjectNode) run.withObject("/tags")).put(m.path("key").asText(), m.path("value").asText()));
      return Reply.json("{}");
    });
    ws.route("POST", "/api/2\\.0/mlflow/runs/update", (c, b) -> {
      ObjectNode run = mlflowRuns.get(b.path("run_id").asText());
      if (run == null) {
        return Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + b.path("run_id").asText() + "' not found");
      }
      ((ObjectNode) run.get("info")).put("status", b.path("status").asText()).put("end_time", b.path("end_time").asLong());
      return Reply.json("{\"run_info\":" + run.get("info") + "}");
    });
    ws.route("POST", "/api/2\\.0/mlflow/runs/log-metric", (c, b) -> {
      ObjectNode run = mlflowRuns.get(b.path("run_id").asText());
      if (run == null) {
        return Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "run");
      }
      ((ObjectNode) run.withObject("/metrics")).put(b.path("key").asText(), b.path("value").asDouble());
      return Reply.json("{}");
    });
  }

  private static String volumePath(String apiPath) {
    return apiPath.substring("/api/2.0/fs/files".length()); // the server has decoded the path once, as a workspace does
  }
}
