package io.datagent.jobmonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.jobmonitor.JobMonitor;
import io.datagent.jobmonitor.classify.Failure;
import io.datagent.jobmonitor.quality.QualityThresholds;
import io.datagent.jobmonitor.triage.TriageStream;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor's HTTP API under {@code /api/monitor/*} (JSON), for the "Monitor" page
 * ({@code /monitor/index.html}, served by the App from this module's {@code public/monitor/}):
 *
 * <ul>
 *   <li>{@code GET status}, {@code GET runs?limit=}, {@code GET decisions?limit=&category=}, {@code GET decisions/{id}}
 *   <li>{@code POST decisions/{id}/label} with {@code {"correct": bool, "category"?: "...", "note"?: "..."}}; the
 *       person comes from {@code X-Forwarded-Email} (Databricks Apps) or {@code "by"}
 *   <li>{@code GET accuracy}, {@code GET export.jsonl} (labelled examples), {@code GET quality?hours=},
 *       {@code POST triage} with {@code {"text": ...}}
 *   <li>{@code POST webhook}: Databricks job notifications, with the shared secret ({@code webhook.secret})
 * </ul>
 */
public final class MonitorRoutes {

  public static final String PREFIX = "/api/monitor";

  private final JobMonitor monitor;
  private final WebhookSecret secret;
  private final TriageStream triage;

  private final List<String> pending;

  private MonitorRoutes(JobMonitor monitor, List<String> pending) {
    this.monitor = monitor;
    this.pending = List.copyOf(pending);
    this.secret = new WebhookSecret(monitor.config().webhookSecret());
    this.triage = new TriageStream(monitor.classifier(), monitor.config().policies());
  }

  /** Adds the monitor's routes to {@code app}. */
  public static void register(Javalin app, JobMonitor monitor) {
    register(app, monitor, List.of());
  }

  /**
   * Adds the monitor's routes to {@code app}; {@code pending} are what the deployment still lacks, in Spanish (e.g. a
   * secret not put yet and what goes without it), shown by {@code GET status} and on the Monitor page.
   */
  public static void register(Javalin app, JobMonitor monitor, List<String> pending) {
    MonitorRoutes r = new MonitorRoutes(monitor, pending);
    app.get(PREFIX + "/status", r::status);
    app.get(PREFIX + "/runs", ctx -> json(ctx, monitor.runs().recent(limit(ctx, 50))));
    app.get(PREFIX + "/decisions", r::decisions);
    app.get(PREFIX + "/decisions/{id}", r::decision);
    app.post(PREFIX + "/decisions/{id}/label", r::label);
    app.get(PREFIX + "/accuracy", ctx -> json(ctx, monitor.decisions().accuracy()));
    app.get(PREFIX + "/export.jsonl", r::export);
    app.get(PREFIX + "/quality", r::quality);
    app.post(PREFIX + "/triage", r::triage);
    app.post(PREFIX + "/webhook", r::webhook);
    app.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
  }

  private void status(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", monitor.status());
    out.put("checkpoint", monitor.checkpoints().load(monitor.source()).stream().mapToObj(Instant::ofEpochMilli).findFirst().orElse(null));
    out.put("config", monitor.config().source());
    out.put("webhook", secret.enabled());
    out.put("pending", pending);
    json(ctx, out);
  }

  private void decisions(Context ctx) {
    try {
      json(ctx, monitor.decisions().recent(limit(ctx, 50), ctx.queryParam("category")));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
  }

  private void decision(Context ctx) {
    long id = id(ctx);
    json(ctx, monitor.decisionById(id).orElseThrow(() -> new BadRequest("no existe la decisión " + id)));
  }

  private void label(Context ctx) {
    long id = id(ctx);
    JsonNode body = body(ctx);
    if (!body.has("correct") || !body.get("correct").isBoolean()) {
      throw new BadRequest("falta \"correct\": true o false");
    }
    String by = ctx.header("X-Forwarded-Email");
    if (by == null || by.isBlank()) {
      by = body.path("by").asText("anónimo");
    }
    boolean ok;
    try {
      ok = monitor.decisions().label(id, body.get("correct").asBoolean(), body.path("category").asText(null),
          body.path("note").asText(null), by);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
    if (!ok) {
      error(ctx, 404, "no existe la decisión " + id);
      return;
    }
    json(ctx, monitor.decisionById(id).orElseThrow());
  }

  private void export(Context ctx) throws IOException {
    ctx.contentType("application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"monitor-etiquetados.jsonl\"");
    OutputStreamWriter w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
    monitor.decisions().exportLabelled(w);
    w.flush();
  }

  private void quality(Context ctx) {
    int hours = Math.max(1, Math.min(24 * 90, intParam(ctx, "hours", 24 * 7)));
    QualityThresholds t = monitor.quality().thresholds();
    Map<String, Object> th = new LinkedHashMap<>();
    th.put("windowMinutes", t.window().toMinutes());
    th.put("minSamples", t.minSamples());
    th.put("maxErrorRate", t.maxErrorRate());
    th.put("minMeanRating", t.minMeanRating());
    th.put("maxP95Ms", t.maxP95().toMillis());
    th.put("cooldownMinutes", t.cooldown().toMinutes());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("thresholds", th);
    out.put("series", monitor.qualityStore().series(Instant.now().minus(Duration.ofHours(hours))));
    out.put("interventions", monitor.qualityStore().recent(50));
    json(ctx, out);
  }

  private void triage(Context ctx) {
    JsonNode body = body(ctx);
    if (!body.hasNonNull("text") || body.get("text").asText().isBlank()) {
      throw new BadRequest("falta \"text\": el texto del error");
    }
    Failure f = new Failure(body.path("termination_code").asText(null), null, body.path("state_message").asText(null),
        body.get("text").asText(), null, null);
    ObjectNode out = triage.classify(f, null, body.path("job").asText(null));
    ctx.contentType("application/json; charset=utf-8").result(out.toString());
  }

  private void webhook(Context ctx) {
    if (!secret.enabled()) {
      error(ctx, 404, "webhook desactivado: configure webhook.secret (DATAGENT_MONITOR_WEBHOOK_SECRET)");
      return;
    }
    if (!secret.matches(ctx.header("Authorization"), ctx.header("X-Datagent-Webhook-Secret"))) {
      error(ctx, 401, "secreto del webhook incorrecto");
      return;
    }
    JsonNode body = body(ctx);
    JsonNode run = body.path("run").path("run_id");
    long runId = run.isMissingNode() ? body.path("run_id").asLong(0) : run.asLong(0);
    if (runId <= 0) {
      throw new BadRequest("el aviso no trae run.run_id");
    }
    monitor.onWebhook(runId);
    ctx.status(202);
    json(ctx, Map.of("accepted", runId, "event_type", body.path("event_type").asText("")));
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode n = MonitorJson.MAPPER.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw new BadRequest("el cuerpo debe ser un objeto JSON");
      }
      return n;
    } catch (IOException e) {
      throw new BadRequest("el cuerpo no es JSON válido");
    }
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequest("id no válido: " + ctx.pathParam("id"));
    }
  }

  private static int limit(Context ctx, int def) {
    return Math.max(1, Math.min(500, intParam(ctx, "limit", def)));
  }

  private static int intParam(Context ctx, String name, int def) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " debe ser un número entero");
    }
  }

  static void json(Context ctx, Object o) {
    ctx.contentType("application/json; charset=utf-8").result(MonitorJson.write(o));
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status);
    json(ctx, Map.of("error", message));
  }

  /** A request the monitor refuses with 400 and a Spanish message. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
