package io.datagent.deploy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.catalog.GetEffectiveRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Unity Catalog side of {@link Doctor}: the catalog and the artifact Volume exist, and the identities that deploy
 * and run have the privileges the deploy uses on them (read with the effective-permissions API, which counts what is
 * inherited; an owner has every privilege).
 */
final class UnityCatalogChecks {

  private final WorkspaceClient w;

  UnityCatalogChecks(WorkspaceClient w) {
    this.w = w;
  }

  Finding catalog(String catalog, String me) {
    String what = "catálogo " + catalog;
    String owner;
    try {
      owner = w.catalogs().get(catalog).getOwner();
    } catch (NotFound e) {
      return Finding.missing(what, "no existe (el bundle no crea catálogos)",
          "databricks catalogs create " + catalog + "   (o --var catalog=<un catálogo existente>)");
    } catch (DatabricksError e) {
      return Finding.missing(what, "no se pudo leer: " + e.getMessage(), grant("catalog", catalog, me, "USE_CATALOG"));
    }
    return privileges(what, "catalog", catalog, owner, me, List.of("USE_CATALOG", "CREATE_SCHEMA"));
  }

  /** The artifact Volume: the deploying identity writes the jobs JAR, the runner reads it. */
  List<Finding> artifactVolume(DeployTarget t, String me) {
    String name = t.artifactVolumeName();
    String what = "Volume de artefactos " + name;
    String owner;
    try {
      owner = w.volumes().read(name).getOwner();
    } catch (NotFound e) {
      return List.of(Finding.missing(what, "no existe (la CLI sube el JAR antes de crear nada, así que no puede ser del "
          + "bundle)", "databricks volumes create " + t.catalog() + " " + t.artifactSchema() + " " + t.artifactVolume()
          + " MANAGED"));
    } catch (DatabricksError e) {
      return List.of(Finding.missing(what, "no se pudo leer: " + e.getMessage(), grant("volume", name, me, "READ_VOLUME")));
    }
    List<Finding> out = new ArrayList<>();
    out.add(privileges(what + " (quien despliega)", "volume", name, owner, me, List.of("READ_VOLUME", "WRITE_VOLUME")));
    if (t.runner() != null && !t.runner().equals(me)) {
      out.add(privileges(what + " (runner " + t.runner() + ")", "volume", name, owner, t.runner(), List.of("READ_VOLUME")));
    }
    return out;
  }

  /** CREATE CATALOG on the metastore, which only the optional Lakebase catalog registration needs. */
  Finding createCatalog(String me) {
    String what = "CREATE CATALOG en el metastore (resources/optional/lakebase_catalog.yml)";
    String metastore;
    try {
      metastore = w.metastores().current().getMetastoreId();
    } catch (DatabricksError e) {
      return Finding.missing(what, "no se pudo leer el metastore: " + e.getMessage(),
          "quite resources/optional/lakebase_catalog.yml del include de databricks.yml");
    }
    return privileges(what, "metastore", metastore, null, me, List.of("CREATE_CATALOG"));
  }

  private Finding privileges(String what, String type, String name, String owner, String principal, List<String> needed) {
    if (principal.equals(owner)) {
      return Finding.ok(what, "existe; " + principal + " es su dueño");
    }
    Set<String> has = new TreeSet<>();
    try {
      w.grants().getEffective(new GetEffectiveRequest().setSecurableType(type).setFullName(name).setPrincipal(principal))
          .getPrivilegeAssignments().forEach(a -> {
            if (a.getPrivileges() != null && principal.equals(a.getPrincipal())) {
              a.getPrivileges().forEach(p -> has.add(String.valueOf(p.getPrivilege())));
            }
          });
    } catch (NullPointerException | DatabricksError e) {
      // no assignments at all, or not allowed to read them: the grant command below is the fix either way
    }
    List<String> lacking = new ArrayList<>(needed);
    if (!has.contains("ALL_PRIVILEGES")) {
      lacking.removeAll(has);
    } else {
      lacking.clear();
    }
    if (lacking.isEmpty()) {
      return Finding.ok(what, "existe; " + principal + " tiene " + String.join(", ", needed));
    }
    return Finding.missing(what, principal + " no tiene " + String.join(", ", lacking),
        grant(type, name, principal, lacking.toArray(String[]::new)));
  }

  static String grant(String type, String name, String principal, String... privileges) {
    return "databricks grants update " + type + " " + name + " --json '{\"changes\": [{\"principal\": \"" + principal
        + "\", \"add\": [\"" + String.join("\", \"", privileges) + "\"]}]}'";
  }
}
