package io.datagent.jobmonitor.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.RunJson;
import io.datagent.jobmonitor.detect.RunOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A loopback HTTP server speaking the Databricks Jobs API 2.2 JSON ({@code runs/list} with pagination,
 * {@code runs/get}, {@code runs/get-output}, {@code runs/repair}, {@code run-now}) and the OAuth M2M token endpoint,
 * with scripted faults (429 with Retry-After, 500, dropped connections). The monitor's tests and
 * {@code ./agent bench triage} run the real {@code DatabricksJobsClient} against it.
 */
public final class LoopbackJobsApi implements AutoCloseable {

  /** One request as received. */
  public record Request(String method, String path, String query, String body, long atMillis) {}

  /** A scripted answer for the next request to a path: HTTP status, headers, body; status 0 drops the connection. */
  public record Fault(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final LoopbackRuns runs = new LoopbackRuns();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, ConcurrentLinkedDeque<Fault>> faults = new HashMap<>();
  private final String token;
  private volatile Consumer<Request> onRepair = r -> {};
  private volatile boolean dropAfterRepair;

  public LoopbackJobsApi(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "loopback-jobs-api");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public LoopbackRuns runs() {
    return runs;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String pathSuffix) {
    return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
  }

  /** The next request to a path ending with {@code pathSuffix} gets {@code fault} instead of an answer. */
  public synchronized void fault(String pathSuffix, Fault fault) {
    faults.computeIfAbsent(pathSuffix, k -> new ConcurrentLinkedDeque<>()).add(fault);
  }

  /** The next repair is applied, but its response never arrives (the connection drops). */
  public void dropResponseAfterNextRepair() {
    dropAfterRepair = true;
  }

  public void onRepair(Consumer<Request> hook) {
    this.onRepair = hook;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request req = new Request(ex.getRequestMethod(), path, query, body, System.currentTimeMillis());
    requests.add(req);
    try {
      Fault f = nextFault(path);
      if (f != null) {
        if (f.status() == 0) {
          ex.close();
          return;
        }
        f.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        send(ex, f.status(), f.body());
        return;
      }
      if (path.equals("/oidc/v1/token")) {
        send(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        return;
      }
      if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, error("UNAUTHENTICATED", "Invalid access token."));
        return;
      }
      route(ex, path, params(query), body, req);
    } catch (IllegalArgumentException e) {
      send(ex, 400, error("INVALID_PARAMETER_VALUE", e.getMessage()));
    } catch (IllegalStateException e) {
      send(ex, 404, error("RESOURCE_DOES_NOT_EXIST", e.getMessage()));
    }
  }

  private void route(HttpExchange ex, String path, Map<String, String> q, String body, Request req) throws IOException {
    switch (path) {
      case "/api/2.2/jobs/runs/list" -> send(ex, 200, list(q).toString());
      case "/api/2.2/jobs/runs/get" -> send(ex, 200, RunJson.toJson(run(q.get("run_id"))).toString());
      case "/api/2.2/jobs/runs/get-output" -> {
        long id = Long.parseLong(q.get("run_id"));
        RunOutput o = runs.output(id);
        ObjectNode n = RunJson.toJson(o == null ? RunOutput.EMPTY : o);
        n.putObject("metadata").put("run_id", id);
        send(ex, 200, n.toString());
      }
      case "/api/2.2/jobs/runs/repair" -> {
        JsonNode b = RunJson.MAPPER.readTree(body);
        Map<String, String> params = new HashMap<>();
        b.path("job_parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        Long latest = b.hasNonNull("latest_repair_id") ? b.get("latest_repair_id").asLong() : null;
        long id = runs.repair(b.path("run_id").asLong(), latest, params);
        onRepair.accept(req);
        if (dropAfterRepair) {
          dropAfterRepair = false;
          ex.close();
          return;
        }
        send(ex, 200, "{\"repair_id\":" + id + "}");
      }
      case "/api/2.2/jobs/run-now" -> {
        JsonNode b = RunJson.MAPPER.readTree(body);
        long id = runs.runNow(b.path("job_id").asLong(), b.path("idempotency_token").asText(null));
        send(ex, 200, "{\"run_id\":" + id + ",\"number_in_job\":" + id + "}");
      }
      default -> send(ex, 404, error("ENDPOINT_NOT_FOUND", "No API found for '" + ex.getRequestMethod() + " " + path + "'"));
    }
  }

  private ObjectNode list(Map<String, String> q) {
    boolean completed = "true".equals(q.get("completed_only"));
    boolean active = "true".equals(q.get("active_only"));
    if (completed && active) {
      throw new IllegalArgumentException("active_only and completed_only cannot both be true");
    }
    int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 20;
    if (limit < 0 || limit > 25) {
      throw new IllegalArgumentException("limit must be between 0 and 25");
    }
    limit = limit == 0 ? 25 : limit;
    long from = q.containsKey("start_time_from") ? Long.parseLong(q.get("start_time_from")) : 0;
    boolean expand = "true".equals(q.get("expand_tasks"));
    List<JobRun> match = runs.all().stream()
        .filter(r -> !completed || r.isTerminated())
        .filter(r -> !active || r.isActive())
        .filter(r -> r.startTime() >= from)
        .filter(r -> !q.containsKey("job_id") || String.valueOf(r.jobId()).equals(q.get("job_id")))
        .sorted(Comparator.comparingLong(JobRun::startTime).reversed().thenComparing(JobRun::runId, Comparator.reverseOrder()))
        .toList();
    int offset = q.containsKey("page_token") ? Integer.parseInt(new String(java.util.Base64.getDecoder()
        .decode(q.get("page_token")), StandardCharsets.UTF_8)) : 0;
    int end = Math.min(match.size(), offset + limit);
    ObjectNode out = RunJson.MAPPER.createObjectNode();
    if (end > offset) {
      ArrayNode arr = out.putArray("runs");
      for (JobRun r : match.subList(offset, end)) {
        ObjectNode n = RunJson.toJson(r);
        if (!expand) {
          n.remove("tasks");
        }
        arr.add(n);
      }
    }
    out.put("has_more", end < match.size());
    if (end < match.size()) {
      out.put("next_page_token", java.util.Base64.getEncoder().encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8)));
    }
    if (offset > 0) {
      out.put("prev_page_token", java.util.Base64.getEncoder().encodeToString(
          String.valueOf(Math.max(0, offset - limit)).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private JobRun run(String id) {
    JobRun r = id == null ? null : runs.get(Long.parseLong(id));
    if (r == null) {
      throw new IllegalStateException("Run " + id + " does not exist.");
    }
    return r;
  }

  private synchronized Fault nextFault(String path) {
    for (Map.Entry<String, ConcurrentLinkedDeque<Fault>> e : faults.entrySet()) {
      if (path.endsWith(e.getKey())) {
        Fault f = e.getValue().poll();
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  private static Map<String, String> params(String query) {
    Map<String, String> out = new HashMap<>();
    if (query == null) {
      return out;
    }
    for (String kv : query.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String error(String code, String message) {
    return RunJson.MAPPER.createObjectNode().put("error_code", code).put("message", message).toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
