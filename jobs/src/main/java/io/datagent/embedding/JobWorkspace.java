package io.datagent.embedding;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.service.vectorsearch.SyncIndexRequest;

/**
 * EmbedJob's one door to the workspace through databricks-sdk-java: who the job is, and the sync of a TRIGGERED Vector
 * Search index after the embeddings changed.
 *
 * <p>Who: a token ({@code DATABRICKS_TOKEN}, locally), else the OAuth M2M service principal of
 * {@code DATABRICKS_CLIENT_ID}/{@code _SECRET}, else the SDK's default chain, which on a job cluster's driver is
 * {@code runtime}: the run's own identity (the job's {@code run_as}, the runner service principal in prod), with no
 * secret at all. NOTE: the only class of the jobs module that imports the SDK, so it can move into the shared
 * platform module as it is (issue 13).
 */
final class JobWorkspace {

  private final DatabricksConfig config;
  private final WorkspaceClient client;

  JobWorkspace(DatabricksConfig config) {
    this.config = config;
    this.client = new WorkspaceClient(config);
  }

  /** The workspace as the spec's identity (see the class comment for the order). */
  static JobWorkspace of(EmbedderSpec spec) {
    DatabricksConfig c = new DatabricksConfig().setHost(spec.host());
    if (present(spec.token())) {
      c.setToken(spec.token()).setAuthType("pat");
    } else if (present(spec.clientId())) {
      c.setClientId(spec.clientId()).setClientSecret(spec.clientSecret()).setAuthType("oauth-m2m");
    }
    return new JobWorkspace(c);
  }

  /** The workspace at {@code host} as the SDK's default identity (on a job cluster: the run's own). */
  static JobWorkspace forHost(String host) {
    return new JobWorkspace(new DatabricksConfig().setHost(host));
  }

  /**
   * A bearer token of this identity, for the embedding endpoint's calls made on the executors (the spec carries it
   * there; {@link EmbedderSpec#toString()} never prints it).
   */
  String bearerToken() {
    String header;
    try {
      header = config.authenticate().get("Authorization");
    } catch (DatabricksException e) {
      throw new IllegalStateException("EmbedJob: no credentials for " + config.getHost() + " (DATABRICKS_TOKEN, "
          + "DATABRICKS_CLIENT_ID/SECRET, or the job's run_as identity on a Databricks cluster): " + e.getMessage(), e);
    }
    if (header == null || !header.startsWith("Bearer ")) {
      throw new IllegalStateException("EmbedJob: the " + config.getAuthType() + " credentials give no bearer token");
    }
    return header.substring("Bearer ".length());
  }

  /**
   * Starts a sync of a TRIGGERED index ({@code POST /api/2.0/vector-search/indexes/{name}/sync}); the index then
   * reads the table's change feed on its own. Throws when the workspace refuses (no index, no permission).
   */
  void syncIndex(String indexName) {
    client.vectorSearchIndexes().syncIndex(new SyncIndexRequest().setIndexName(indexName));
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
