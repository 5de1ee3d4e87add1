package io.datagent.embedding;

import com.databricks.sdk.core.DatabricksConfig;

/**
 * The bearer token of the job's own identity on a Databricks cluster (the SDK's default chain: {@code runtime}, the
 * run's {@code run_as}), for jobs that build a {@code Platform} without a secret (EvaluateJob).
 */
public final class JobIdentity {

  private JobIdentity() {}

  public static String bearerToken(String host) {
    return new JobWorkspace(new DatabricksConfig().setHost(host)).bearerToken();
  }
}
