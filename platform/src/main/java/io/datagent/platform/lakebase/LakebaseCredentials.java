package io.datagent.platform.lakebase;

import com.databricks.sdk.service.database.GenerateDatabaseCredentialRequest;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Short-lived PostgreSQL passwords for Lakebase, for the process's service principal: a Provisioned instance
 * ({@code POST /api/2.0/database/credentials}) or an Autoscaling endpoint ({@code POST /api/2.0/postgres/credentials}).
 */
public final class LakebaseCredentials {

  /** A password and when it stops being accepted at login (null when the API did not say). */
  public record Credential(String token, Instant expiresAt) {}

  private final Platform platform;

  public LakebaseCredentials(Platform platform) {
    this.platform = platform;
  }

  /** A password for the database instance {@code instanceName}. */
  public Credential forInstance(String instanceName) {
    return platform.call(Operation.of("generate a Lakebase credential for instance " + instanceName,
        "obtener la credencial de Lakebase de " + instanceName), w -> {
          var c = w.database().generateDatabaseCredential(new GenerateDatabaseCredentialRequest()
              .setInstanceNames(List.of(instanceName)).setRequestId(UUID.randomUUID().toString()));
          String at = c.getExpirationTime();
          return new Credential(c.getToken(), at == null || at.isBlank() ? null : OffsetDateTime.parse(at).toInstant());
        });
  }

  /**
   * The read-write host name of the database instance {@code instanceName} ({@code GET /api/2.0/database/instances/
   * {name}}): what the App gets as PGHOST from its database resource, for a job that has only the instance's name.
   */
  public String host(String instanceName) {
    return platform.call(Operation.of("read the Lakebase instance " + instanceName,
        "leer la instancia de Lakebase " + instanceName), w -> {
          String dns = w.database().getDatabaseInstance(instanceName).getReadWriteDns();
          if (dns == null || dns.isBlank()) {
            throw new IllegalStateException("la instancia de Lakebase " + instanceName + " no tiene dirección (¿sigue arrancando?)");
          }
          return dns;
        });
  }

  /** A password for the Autoscaling endpoint {@code endpoint} ({@code projects/.../endpoints/...}). */
  public Credential forEndpoint(String endpoint) {
    return platform.call(Operation.of("generate a Lakebase credential for endpoint " + endpoint,
        "obtener la credencial de Lakebase de " + endpoint), w -> {
          var c = w.postgres().generateDatabaseCredential(
              new com.databricks.sdk.service.postgres.GenerateDatabaseCredentialRequest().setEndpoint(endpoint));
          var at = c.getExpireTime();
          return new Credential(c.getToken(), at == null ? null : Instant.ofEpochSecond(at.getSeconds(), at.getNanos()));
        });
  }
}
