package io.datagent.jobmonitor.act;

import io.datagent.jobmonitor.classify.Classification;
import io.datagent.jobmonitor.classify.Severity;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a classification into a {@link Plan} with the job's policy: repairs wait for the back-off and get new job
 * parameters when the policy says so; a spent retry budget, no room left to adjust parameters, or a critical
 * failure escalate; a run cancelled by a person is ignored.
 */
public final class DecisionMaker {

  private final PolicyBook policies;
  private final Backoff backoff;
  private final Clock clock;

  public DecisionMaker(PolicyBook policies, Backoff backoff, Clock clock) {
    this.policies = policies;
    this.backoff = backoff;
    this.clock = clock;
  }

  public PolicyBook policies() {
    return policies;
  }

  /**
   * @param attempt       how many repairs the run already had
   * @param currentParams the job parameters the run used (name → value); their names are the ones a job declares
   */
  public Plan plan(String jobName, Long jobId, int attempt, Map<String, String> currentParams, Classification c) {
    Instant now = clock.instant();
    Policy p = policies.policy(jobName, jobId, c.category());
    Action a = p.action();
    if (a == Action.IGNORE) {
      return new Plan(a, Map.of(), now, "No se hace nada: " + (c.category().id().equals("cancelled")
          ? "la ejecución la canceló una persona." : "la política de esta categoría es ignorar."));
    }
    if (c.severity() == Severity.CRITICAL) {
      return new Plan(Action.ESCALATE, Map.of(), now, "Se escala: el fallo es crítico.");
    }
    if (!a.repairs()) {
      return new Plan(a, Map.of(), now, a == Action.ESCALATE ? "Se escala según la política de la categoría."
          : "Se avisa por correo: el monitor no puede arreglar este fallo solo.");
    }
    if (attempt >= p.maxRetries()) {
      return new Plan(Action.ESCALATE, Map.of(), now, "Se escala: esta ejecución ya tuvo " + attempt
          + " reintento(s) y el presupuesto es " + p.maxRetries() + ".");
    }
    Map<String, String> changes = new LinkedHashMap<>();
    String why = "Se reintentan las tareas fallidas";
    if (a == Action.RETRY_WITH_NEW_PARAMS) {
      boolean declared = false;
      for (Map.Entry<String, ParamChange> e : p.parameters().entrySet()) {
        if (currentParams.containsKey(e.getKey())) {
          declared = true;
          String next = e.getValue().apply(currentParams.get(e.getKey()));
          if (next != null) {
            changes.put(e.getKey(), next);
          }
        }
      }
      c.suggestedParameters().forEach((k, v) -> {
        if (currentParams.containsKey(k) && !changes.containsKey(k) && !v.equals(currentParams.get(k))) {
          changes.put(k, v);
        }
      });
      if (declared && changes.isEmpty()) {
        return new Plan(Action.ESCALATE, Map.of(), now,
            "Se escala: los parámetros " + p.parameters().keySet() + " ya están en su límite y no queda margen para ajustarlos.");
      }
      if (changes.isEmpty()) {
        a = Action.RETRY;
        why = "Se reintentan las tareas fallidas sin cambios (el job no declara " + p.parameters().keySet() + ")";
      } else {
        why = "Se reintentan las tareas fallidas con " + changes;
      }
    }
    Instant when = now.plus(backoff.before(attempt));
    return new Plan(a, changes, when, why + " tras esperar " + backoff.before(attempt).toSeconds() + " s (reintento "
        + (attempt + 1) + " de " + p.maxRetries() + ").");
  }
}
