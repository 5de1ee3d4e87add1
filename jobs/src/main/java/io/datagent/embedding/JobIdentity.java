package io.datagent.embedding;

/**
 * The bearer token of the job's own identity on a Databricks cluster (the SDK's default chain: {@code runtime}, the
 * run's {@code run_as}), for jobs that build a {@code Platform} without a secret (EvaluateJob).
 */
public final class JobIdentity {

  private JobIdentity() {}

  public static String bearerToken(String host) {
    return JobWorkspace.forHost(host).bearerToken();
  }
}
