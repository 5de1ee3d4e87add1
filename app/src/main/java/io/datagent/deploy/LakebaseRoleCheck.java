package io.datagent.deploy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.database.DatabaseInstanceRole;

/**
 * Whether the identity the quality jobs run as (the bundle's runner; the deploying identity in dev) has its role in
 * the App's Lakebase instance: EvaluateJob and OptimizeJob log in to PostgreSQL as that identity ({@code PGUSER}) and
 * read and write the schemas {@code app} and {@code monitor} the App creates. Roles are listed through the SDK
 * ({@code GET /api/2.0/database/instances/{name}/roles}); the grants inside PostgreSQL are not visible there, so the fix
 * carries both the role and the grants, as docs/deploying.md ("The quality jobs") gives them.
 */
final class LakebaseRoleCheck {

  private final WorkspaceClient w;

  LakebaseRoleCheck(WorkspaceClient w) {
    this.w = w;
  }

  Finding check(String instance, String runner) {
    String what = "rol de Lakebase " + runner;
    try {
      for (DatabaseInstanceRole role : w.database().listDatabaseInstanceRoles(instance)) {
        if (runner.equalsIgnoreCase(role.getName())) {
          return Finding.ok(what, "existe en la instancia " + instance + " (los permisos sobre app y monitor se dan "
              + "en PostgreSQL: " + grants(runner) + ")");
        }
      }
      return Finding.missing(what, "los jobs de calidad entran en PostgreSQL como " + runner + " y la instancia " + instance
          + " no tiene ese rol", fix(instance, runner));
    } catch (DatabricksError e) {
      if (e.getStatusCode() == 404) { // created by the first deploy, with the App's schemas on the App's first start
        return Finding.ok(what, "la instancia " + instance + " aún no existe (la crea el despliegue); después, como su "
            + "propietario: " + fix(instance, runner));
      }
      return Finding.missing(what, "no se pudieron listar los roles de " + instance + ": " + e.getMessage(), fix(instance, runner));
    }
  }

  static String fix(String instance, String runner) {
    String type = runner.contains("@") ? "USER" : "SERVICE_PRINCIPAL";
    return "en el editor SQL de la instancia " + instance + ", como su propietario: CREATE EXTENSION IF NOT EXISTS "
        + "databricks_auth; SELECT databricks_create_role('" + runner + "', '" + type + "'); " + grants(runner)
        + "   (compruébelo con: databricks database list-database-instance-roles " + instance + ")";
  }

  static String grants(String runner) {
    String who = "\"" + runner.replace("\"", "") + "\"";
    return "GRANT USAGE ON SCHEMA app, monitor TO " + who + "; GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA app, "
        + "monitor TO " + who + "; GRANT USAGE ON ALL SEQUENCES IN SCHEMA app, monitor TO " + who + ";";
  }
}
