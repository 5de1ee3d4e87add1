package io.datagent.app.evaluation;

import io.datagent.platform.PlatformException;
import io.datagent.platform.jobs.PlatformJobs;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Starts the bundle's evaluation job ({@code DATAGENT_EVALUATE_JOB_ID}) with {@code run-now} through the platform's
 * Jobs service. The idempotency token is the minute ({@code datagent-evaluate-<yyyyMMddHHmm>}): a second click, a
 * retried request or another App instance within the same minute gets the run already started, not a second one.
 */
public final class JobEvaluationLauncher implements EvaluationLauncher {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

  private final PlatformJobs jobs;
  private final long jobId;
  private final Clock clock;

  public JobEvaluationLauncher(PlatformJobs jobs, long jobId, Clock clock) {
    this.jobs = jobs;
    this.jobId = jobId;
    this.clock = clock;
  }

  /** The launcher for {@code jobId} (the App's DATAGENT_EVALUATE_JOB_ID), or a disabled one when it is blank. */
  public static EvaluationLauncher of(PlatformJobs jobs, String jobId, Clock clock) {
    if (jobId == null || jobId.isBlank()) {
      return EvaluationLauncher.disabled(NO_JOB);
    }
    try {
      return new JobEvaluationLauncher(jobs, Long.parseLong(jobId.strip()), clock);
    } catch (NumberFormatException e) {
      return EvaluationLauncher.disabled("DATAGENT_EVALUATE_JOB_ID no es un id de job (" + jobId.strip() + "); "
          + "debe ser el número que el bundle asigna al job datagent evaluate.");
    }
  }

  @Override
  public Started start(String requestedBy) {
    String token = "datagent-evaluate-" + MINUTE.format(clock.instant());
    try {
      long run = jobs.runNow(jobId, Map.of(), token);
      return new Started("Evaluación iniciada en Databricks (run " + run + " del job " + jobId + "); sus resultados "
          + "aparecerán aquí al terminar.", run);
    } catch (PlatformException e) {
      throw new io.datagent.app.Refusal(io.datagent.app.Refusal.Kind.UNAVAILABLE,
          "No se pudo iniciar la evaluación: " + e.userMessage());
    }
  }
}
