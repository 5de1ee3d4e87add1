package io.datagent.deploy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import io.datagent.app.LoopbackServer;
import io.datagent.app.LoopbackServer.Received;
import io.datagent.app.LoopbackServer.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A workspace on loopback that answers the REST paths {@link Doctor} reaches through databricks-sdk-java with the
 * shapes Databricks returns (SCIM Me and Groups, Unity Catalog catalogs, volumes, effective permissions and the current
 * metastore, SQL warehouses, serving endpoints, Lakebase database instances and their roles). It starts with every prerequisite of a
 * deploy in place; a test removes one.
 */
final class DoctorWorkspace implements AutoCloseable {

  static final String ME = "ana@empresa.es";
  static final String METASTORE = "11111111-2222-3333-4444-555555555555";

  final Set<String> catalogs = new HashSet<>(Set.of("main", "datagent"));
  final Set<String> volumes = new HashSet<>(Set.of("main.default.datagent_artifacts", "datagent.default.datagent_artifacts"));
  /** "securable type/full name/principal" to privileges. */
  final Map<String, Set<String>> grants = new HashMap<>();
  final Map<String, String> warehouses = new HashMap<>(Map.of("4b9c0e1f2a3d5e6f", "Serverless Starter Warehouse"));
  final Set<String> groups = new HashSet<>(Set.of("datagent-users", "datagent-engineers"));
  final Set<String> endpoints = new HashSet<>(Set.of("databricks-meta-llama-3-3-70b-instruct", "databricks-gte-large-en"));
  boolean lakebase = true;
  /** Lakebase instance name to its roles (the quality jobs' runner logs in as one). */
  final Map<String, Set<String>> roles = new HashMap<>(Map.of("datagent-state", new HashSet<>(Set.of(ME, "runner-sp-id"))));
  boolean acceptsToken = true;
  final LoopbackServer server = new LoopbackServer(this::answer);

  DoctorWorkspace() {
    grant("catalog/main", ME, "USE_CATALOG", "CREATE_SCHEMA");
    grant("catalog/datagent", ME, "ALL_PRIVILEGES");
    grant("volume/main.default.datagent_artifacts", ME, "READ_VOLUME", "WRITE_VOLUME");
    grant("volume/datagent.default.datagent_artifacts", ME, "READ_VOLUME", "WRITE_VOLUME");
    grant("volume/datagent.default.datagent_artifacts", "runner-sp-id", "READ_VOLUME");
    grant("metastore/" + METASTORE, ME, "CREATE_CATALOG");
  }

  void grant(String securable, String principal, String... privileges) {
    grants.put(securable + "/" + principal, new HashSet<>(Set.of(privileges)));
  }

  void revoke(String securable, String principal, String privilege) {
    grants.getOrDefault(securable + "/" + principal, new HashSet<>()).remove(privilege);
  }

  WorkspaceClient client() {
    return new WorkspaceClient(new DatabricksConfig().setHost(server.url()).setToken("dapi-doctor").setAuthType("pat"));
  }

  private Reply answer(Received r) {
    if (!acceptsToken) {
      return error(401, "UNAUTHENTICATED", "Invalid access token.");
    }
    String p = r.path();
    Map<String, String> q = query(r.query());
    if (p.equals("/api/2.0/preview/scim/v2/Me")) {
      return Reply.json("{\"id\":\"42\",\"userName\":\"" + ME + "\",\"active\":true}");
    }
    if (p.startsWith("/api/2.1/unity-catalog/catalogs/")) {
      String name = tail(p, "/api/2.1/unity-catalog/catalogs/");
      return catalogs.contains(name) ? Reply.json("{\"name\":\"" + name + "\",\"owner\":\"admins\"}")
          : error(404, "CATALOG_DOES_NOT_EXIST", "Catalog '" + name + "' does not exist.");
    }
    if (p.startsWith("/api/2.1/unity-catalog/volumes/")) {
      String name = tail(p, "/api/2.1/unity-catalog/volumes/");
      return volumes.contains(name) ? Reply.json("{\"full_name\":\"" + name + "\",\"owner\":\"admins\","
          + "\"volume_type\":\"MANAGED\"}") : error(404, "VOLUME_DOES_NOT_EXIST", "Volume '" + name + "' does not exist.");
    }
    if (p.startsWith("/api/2.1/unity-catalog/effective-permissions/")) {
      String securable = tail(p, "/api/2.1/unity-catalog/effective-permissions/");
      String principal = q.get("principal");
      Set<String> has = grants.getOrDefault(securable + "/" + principal, Set.of());
      StringBuilder privileges = new StringBuilder();
      has.forEach(x -> privileges.append(privileges.length() == 0 ? "" : ",").append("{\"privilege\":\"").append(x)
          .append("\"}"));
      return Reply.json("{\"privilege_assignments\":[{\"principal\":\"" + principal + "\",\"privileges\":[" + privileges
          + "]}]}");
    }
    if (p.equals("/api/2.1/unity-catalog/current-metastore-assignment")) {
      return Reply.json("{\"metastore_id\":\"" + METASTORE + "\",\"workspace_id\":123,\"default_catalog_name\":\"main\"}");
    }
    if (p.equals("/api/2.0/sql/warehouses")) {
      StringBuilder list = new StringBuilder();
      warehouses.forEach((id, name) -> list.append(list.length() == 0 ? "" : ",")
          .append("{\"id\":\"").append(id).append("\",\"name\":\"").append(name).append("\",\"state\":\"STOPPED\"}"));
      return Reply.json("{\"warehouses\":[" + list + "]}");
    }
    if (p.startsWith("/api/2.0/sql/warehouses/")) {
      String id = tail(p, "/api/2.0/sql/warehouses/");
      return warehouses.containsKey(id) ? Reply.json("{\"id\":\"" + id + "\",\"name\":\"" + warehouses.get(id) + "\"}")
          : error(404, "RESOURCE_DOES_NOT_EXIST", "Warehouse " + id + " does not exist.");
    }
    if (p.equals("/api/2.0/preview/scim/v2/Groups")) {
      String name = q.getOrDefault("filter", "").replaceAll("^displayName eq \"(.*)\"$", "$1");
      boolean first = !q.containsKey("startIndex") || q.get("startIndex").equals("1");
      boolean found = first && groups.contains(name);
      return Reply.json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":"
          + (found ? 1 : 0) + ",\"startIndex\":1,\"itemsPerPage\":" + (found ? 1 : 0) + ",\"Resources\":["
          + (found ? "{\"id\":\"77\",\"displayName\":\"" + name + "\"}" : "") + "]}");
    }
    if (p.startsWith("/api/2.0/serving-endpoints/")) {
      String name = tail(p, "/api/2.0/serving-endpoints/");
      return endpoints.contains(name) ? Reply.json("{\"name\":\"" + name + "\",\"state\":{\"ready\":\"READY\","
          + "\"config_update\":\"NOT_UPDATING\"}}") : error(404, "RESOURCE_DOES_NOT_EXIST", "Endpoint " + name + " not found");
    }
    if (p.startsWith("/api/2.0/database/instances/") && p.endsWith("/roles")) {
      String instance = tail(p, "/api/2.0/database/instances/").replaceAll("/roles$", "");
      if (!roles.containsKey(instance)) {
        return error(404, "RESOURCE_DOES_NOT_EXIST", "Database instance '" + instance + "' does not exist.");
      }
      StringBuilder list = new StringBuilder();
      roles.get(instance).forEach(n -> list.append(list.length() == 0 ? "" : ",").append("{\"name\":\"").append(n)
          .append("\",\"instance_name\":\"").append(instance).append("\",\"identity_type\":\"")
          .append(n.contains("@") ? "USER" : "SERVICE_PRINCIPAL").append("\"}"));
      return Reply.json("{\"database_instance_roles\":[" + list + "]}");
    }
    if (p.equals("/api/2.0/database/instances")) {
      // Assumed shape of a workspace without Lakebase: the API refuses with FEATURE_DISABLED.
      return lakebase ? Reply.json("{\"database_instances\":[]}")
          : error(403, "FEATURE_DISABLED", "Lakebase Provisioned is not enabled for this workspace.");
    }
    return error(404, "ENDPOINT_NOT_FOUND", "No API found for '" + r.method() + " " + p + "'");
  }

  private static String tail(String path, String prefix) {
    return URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
  }

  private static Reply error(int status, String code, String message) {
    return new Reply(status, "application/json", ("{\"error_code\":\"" + code + "\",\"message\":\"" + message + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    for (String kv : raw == null ? new String[0] : raw.split("&")) {
      String[] p = kv.split("=", 2);
      q.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
    }
    return q;
  }

  @Override
  public void close() {
    server.close();
  }
}
