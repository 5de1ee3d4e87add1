package io.datagent.embedding;

import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.platform.PlatformException;
import io.datagent.platform.vectorsearch.IndexStatus;

/**
 * The jobs' door to the workspace, through the platform module: who the job is, and the sync of a TRIGGERED Vector
 * Search index after the embeddings changed (with its state, to wait for the sync).
 *
 * <p>Who: a token ({@code DATABRICKS_TOKEN}, locally), else the OAuth M2M service principal of
 * {@code DATABRICKS_CLIENT_ID}/{@code _SECRET}, else the SDK's default chain ({@link PlatformConfig#runtime}), which
 * on a job cluster's driver is {@code runtime}: the run's own identity (the job's {@code run_as}, the runner service
 * principal in prod), with no secret at all.
 */
final class JobWorkspace {

  private final Platform platform;

  JobWorkspace(PlatformConfig config) {
    this.platform = new Platform(config);
  }

  /** The workspace as the spec's identity (see the class comment for the order). */
  static JobWorkspace of(EmbedderSpec spec) {
    if (present(spec.token())) {
      return new JobWorkspace(PlatformConfig.pat(spec.host(), spec.token()));
    }
    if (present(spec.clientId())) {
      return new JobWorkspace(PlatformConfig.oauth(spec.host(), spec.clientId(), spec.clientSecret()));
    }
    return forHost(spec.host());
  }

  /** The workspace at {@code host} as the SDK's default identity (on a job cluster: the run's own). */
  static JobWorkspace forHost(String host) {
    return new JobWorkspace(PlatformConfig.runtime(host));
  }

  /**
   * A bearer token of this identity, for the embedding endpoint's calls made on the executors (the spec carries it
   * there; {@link EmbedderSpec#toString()} never prints it).
   */
  String bearerToken() {
    try {
      return platform.bearerToken();
    } catch (PlatformException e) {
      throw new IllegalStateException("EmbedJob: no credentials for " + platform.config().host() + " (DATABRICKS_TOKEN, "
          + "DATABRICKS_CLIENT_ID/SECRET, or the job's run_as identity on a Databricks cluster): " + e.getMessage(), e);
    }
  }

  /**
   * Starts a sync of a TRIGGERED index; the index then reads the table's change feed on its own. Throws when the
   * workspace refuses (no index, no permission).
   */
  void syncIndex(String indexName) {
    platform.vectorSearch().sync(indexName);
  }

  /** The index's state now (ready, detailed state, rows, last processed version). */
  IndexStatus indexStatus(String indexName) {
    return platform.vectorSearch().status(indexName);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
