package io.datagent.app.evaluation;

/**
 * Starts an evaluation of the agent now ("Evaluar ahora" on the Monitor page): on Databricks the evaluation job
 * ({@link JobEvaluationLauncher}), locally the same evaluation in this process; {@link #disabled} when neither is
 * configured, which says why in Spanish.
 */
public interface EvaluationLauncher {

  /** What starting did: a Spanish message for the engineer and the job run id, when a job was started. */
  record Started(String message, Long runId) {}

  /**
   * Starts one evaluation on behalf of {@code requestedBy}.
   *
   * @throws io.datagent.app.Refusal UNAVAILABLE when no evaluation can be started here, BUSY when one is running
   */
  Started start(String requestedBy);

  /** Null when an evaluation can be started, else why not (Spanish). */
  default String unavailableReason() {
    return null;
  }

  /** No evaluation can be started; {@code reason} says why and what to do. */
  static EvaluationLauncher disabled(String reason) {
    return new EvaluationLauncher() {
      @Override
      public Started start(String requestedBy) {
        throw new io.datagent.app.Refusal(io.datagent.app.Refusal.Kind.UNAVAILABLE, reason);
      }

      @Override
      public String unavailableReason() {
        return reason;
      }
    };
  }

  /** The reason given when the App has no evaluation job id. */
  String NO_JOB = "No hay un job de evaluación configurado: falta DATAGENT_EVALUATE_JOB_ID en el entorno de la App "
      + "(lo pone el bundle, recurso evaluate-job de resources/app.yml). Despliegue el bundle o evalúe en local con "
      + "./agent eval.";
}
