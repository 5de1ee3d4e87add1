package io.datagent.deploy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.database.ListDatabaseInstancesRequest;
import com.databricks.sdk.service.iam.ListGroupsRequest;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before a {@code databricks bundle deploy}, what the deploy of one target needs from the workspace and the
 * machine: the CLI version floor, the catalog, the artifact Volume and its grants, the SQL warehouse, the groups, the
 * serving endpoints, Lakebase and the runner's role in its instance (the quality jobs' login), and CREATE CATALOG when
 * the optional Lakebase catalog is included. Everything through
 * databricks-sdk-java as the identity the CLI would deploy with. Each miss comes with the command that fixes it.
 */
public final class Doctor {

  static final String INSTALL_CLI = "curl -fsSL https://raw.githubusercontent.com/databricks/setup-cli/main/install.sh | sh";
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private final WorkspaceClient w;
  private final UnityCatalogChecks uc;

  public Doctor(WorkspaceClient w) {
    this.w = w;
    this.uc = new UnityCatalogChecks(w);
  }

  /** Every prerequisite of {@code t}; {@code cliVersion} is what {@code databricks -v} printed, or null if absent. */
  public List<Finding> check(DeployTarget t, String cliVersion) {
    List<Finding> out = new ArrayList<>();
    out.add(cli(t.cliFloor(), cliVersion));
    String me;
    try {
      me = w.currentUser().me(new MeRequest()).getUserName();
    } catch (DatabricksException e) { // a refusal (DatabricksError) or no usable credentials at all
      out.add(Finding.missing("identidad", "el workspace no acepta las credenciales: " + e.getMessage(),
          "databricks auth login --host <url del workspace>   (o DATABRICKS_HOST con DATABRICKS_TOKEN)"));
      return out;
    }
    out.add(Finding.ok("identidad", "se despliega como " + me));
    out.add(uc.catalog(t.catalog(), me));
    out.addAll(uc.artifactVolume(t, me));
    out.add(warehouse(t));
    t.groups().forEach(g -> out.add(group(g)));
    t.endpoints().forEach(e -> out.add(endpoint(e)));
    Finding lakebase = lakebase();
    out.add(lakebase);
    if (lakebase.ok()) { // the quality jobs' login to the App's state (issue 14)
      out.add(new LakebaseRoleCheck(w).check(t.lakebaseInstance(), t.runner() == null ? me : t.runner()));
    }
    if (t.lakebaseCatalog()) {
      out.add(uc.createCatalog(me));
    }
    return out;
  }

  static Finding cli(String floor, String printed) {
    String what = "CLI de Databricks >= " + floor;
    Matcher m = printed == null ? null : VERSION.matcher(printed);
    if (m == null || !m.find()) {
      return Finding.missing(what, "no está instalada (databricks -v)", INSTALL_CLI);
    }
    String version = m.group();
    return compare(version, floor) >= 0 ? Finding.ok(what, "versión " + version)
        : Finding.missing(what, "versión " + version + ", anterior a " + floor, INSTALL_CLI);
  }

  private Finding warehouse(DeployTarget t) {
    String fix = "databricks warehouses list   (y despliegue con --var warehouse_id=<id>)";
    if (t.warehouseId() != null && !t.warehouseId().isBlank()) {
      try {
        return Finding.ok("SQL warehouse " + t.warehouseId(), "existe: " + w.warehouses().get(t.warehouseId()).getName());
      } catch (DatabricksError e) {
        return Finding.missing("SQL warehouse " + t.warehouseId(), "no existe o no es visible: " + e.getMessage(), fix);
      }
    }
    String what = "SQL warehouse '" + t.warehouseName() + "'";
    try {
      for (EndpointInfo info : w.warehouses().list(new ListWarehousesRequest())) {
        if (t.warehouseName().equals(info.getName())) {
          return Finding.ok(what, "existe (id " + info.getId() + ")");
        }
      }
    } catch (DatabricksError e) {
      return Finding.missing(what, "no se pudo listar los warehouses: " + e.getMessage(), fix);
    }
    return Finding.missing(what, "no hay un warehouse con ese nombre", fix);
  }

  private Finding group(String name) {
    String what = "grupo " + name;
    String fix = "databricks groups create --display-name " + name + "   (o asigne el grupo de la cuenta al workspace)";
    try {
      return w.groups().list(new ListGroupsRequest().setFilter("displayName eq \"" + name + "\"")).iterator().hasNext()
          ? Finding.ok(what, "existe") : Finding.missing(what, "no existe en el workspace", fix);
    } catch (DatabricksError e) {
      return Finding.missing(what, "no se pudo buscar: " + e.getMessage(), fix);
    }
  }

  private Finding endpoint(String name) {
    String what = "endpoint de serving " + name;
    try {
      return Finding.ok(what, "existe (" + w.servingEndpoints().get(name).getState().getReady() + ")");
    } catch (NotFound e) {
      return Finding.missing(what, "no existe", "databricks serving-endpoints list   (y despliegue con "
          + "--var llm_endpoint=<nombre> o --var embedding_endpoint=<nombre>)");
    } catch (NullPointerException e) {
      return Finding.ok(what, "existe");
    }
  }

  private Finding lakebase() {
    String what = "Lakebase";
    try {
      w.database().listDatabaseInstances(new ListDatabaseInstancesRequest()).iterator().hasNext();
      return Finding.ok(what, "disponible en el workspace");
    } catch (DatabricksError e) {
      return Finding.missing(what, "no disponible: " + e.getMessage(), "un administrador activa Lakebase en el "
          + "workspace (Settings > Previews); compruébelo con: databricks database list-database-instances");
    }
  }

  /** -1, 0 or 1 as version {@code a} is older than, equal to or newer than {@code b} (x.y.z). */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
