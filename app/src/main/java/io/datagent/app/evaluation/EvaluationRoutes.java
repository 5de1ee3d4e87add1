package io.datagent.app.evaluation;

import io.datagent.app.web.Identity;
import io.datagent.app.web.RouteRegistrar;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's evaluations on the Monitor page, under {@code /api/monitor/evaluations} (engineers only, as all of
 * {@code /api/monitor}):
 * <ul>
 *   <li>{@code GET}: the latest evaluations (when, prompt version, exact % overall and per kind), whether one can be
 *   started here and, if not, why (Spanish);</li>
 *   <li>{@code POST}: "Evaluar ahora": 202 with the message and the job run id; 503 with the reason when no evaluation
 *   job is configured, 429 when a local one is already running.</li>
 * </ul>
 * When the history cannot be read (the table not written yet, the warehouse down), the list is empty and the reason
 * is in {@code notice}; the page still offers the button.
 */
public final class EvaluationRoutes implements RouteRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationRoutes.class);
  static final int LATEST = 10;

  private final EvaluationHistory history;
  private final EvaluationLauncher launcher;

  public EvaluationRoutes(EvaluationHistory history, EvaluationLauncher launcher) {
    this.history = history;
    this.launcher = launcher;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/monitor/evaluations", this::list);
    app.post("/api/monitor/evaluations", this::start);
  }

  private void list(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> runs = new ArrayList<>();
    try {
      history.latest(LATEST).forEach(r -> runs.add(view(r)));
    } catch (RuntimeException e) {
      LOG.warn("evaluation history unreadable: {}", e.toString());
      out.put("notice", "No se pudo leer el historial de evaluaciones: " + e.getMessage());
    }
    out.put("runs", runs);
    out.put("canStart", launcher.unavailableReason() == null);
    out.put("unavailable", launcher.unavailableReason());
    ctx.json(out);
  }

  private void start(Context ctx) {
    String by = Identity.of(ctx).email();
    EvaluationLauncher.Started s = launcher.start(by);
    LOG.info("evaluation started by {}: {}", by, s.message());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("message", s.message());
    out.put("runId", s.runId());
    ctx.status(202).json(out);
  }

  private static Map<String, Object> view(EvaluationRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", r.runId());
    m.put("startedAt", r.startedAt().toString());
    m.put("promptVersion", r.promptVersion());
    m.put("questions", r.total().questions());
    m.put("exact", r.total().exact());
    m.put("exactPct", Math.round(1000 * r.total().exactRate()) / 10.0);
    m.put("byKind", r.byKind().stream().map(k -> Map.of("kind", k.group(), "questions", k.questions(), "exact", k.exact(),
        "exactPct", Math.round(1000 * k.exactRate()) / 10.0)).toList());
    return m;
  }
}
