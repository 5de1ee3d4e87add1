package io.datagent.platform.lakebase;

import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import java.util.List;
import java.util.UUID;

/**
 * Short-lived PostgreSQL passwords for Lakebase, for the process's service principal: a Provisioned instance
 * ({@code POST /api/2.0/database/credentials}) or an Autoscaling endpoint ({@code POST /api/2.0/postgres/credentials}).
 */
public final class LakebaseCredentials {

  private final Platform platform;

  public LakebaseCredentials(Platform platform) {
    this.platform = platform;
  }

  /** A password for the database instance {@code instanceName}. */
  public String forInstance(String instanceName) {
    return platform.call(Operation.of("generate a Lakebase credential for instance " + instanceName,
        "obtener la credencial de Lakebase de " + instanceName),
        w -> w.database().generateDatabaseCredential(new com.databricks.sdk.service.database.GenerateDatabaseCredentialRequest()
            .setInstanceNames(List.of(instanceName)).setRequestId(UUID.randomUUID().toString())).getToken());
  }

  /** A password for the Autoscaling endpoint {@code endpoint} ({@code projects/.../endpoints/...}). */
  public String forEndpoint(String endpoint) {
    return platform.call(Operation.of("generate a Lakebase credential for endpoint " + endpoint,
        "obtener la credencial de Lakebase de " + endpoint),
        w -> w.postgres().generateDatabaseCredential(new com.databricks.sdk.service.postgres.GenerateDatabaseCredentialRequest()
            .setEndpoint(endpoint)).getToken());
  }
}
