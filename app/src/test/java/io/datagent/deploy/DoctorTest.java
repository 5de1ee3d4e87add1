package io.datagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ./agent doctor} against a loopback workspace: one test per missing prerequisite, each with its fix. */
class DoctorTest {

  private static final String CLI = "Databricks CLI v0.297.0";
  private final DoctorWorkspace ws = new DoctorWorkspace();

  @AfterEach
  void close() {
    ws.close();
  }

  private static DeployTarget dev() {
    return new DeployTarget("dev", "main", "default", "datagent_artifacts", null, "Serverless Starter Warehouse",
        List.of("datagent-users", "datagent-engineers"),
        List.of("databricks-meta-llama-3-3-70b-instruct", "databricks-gte-large-en"), null, "0.297.0", false);
  }

  private static DeployTarget prod(String runner) {
    return new DeployTarget("prod", "datagent", "default", "datagent_artifacts", null, "Serverless Starter Warehouse",
        List.of("datagent-users", "datagent-engineers"),
        List.of("databricks-meta-llama-3-3-70b-instruct", "databricks-gte-large-en"), runner, "0.297.0", false);
  }

  private List<Finding> check(DeployTarget t, String cli) {
    return new Doctor(ws.client()).check(t, cli);
  }

  /** The one miss, asserting that nothing else is missing. */
  private static Finding onlyMiss(List<Finding> findings) {
    List<Finding> misses = findings.stream().filter(f -> !f.ok()).toList();
    assertThat(misses).as(findings.toString()).hasSize(1);
    return misses.get(0);
  }

  @Test
  void should_find_nothing_missing_when_the_workspace_has_every_prerequisite() {
    List<Finding> findings = check(dev(), CLI);

    assertThat(findings).as(findings.toString()).allMatch(Finding::ok);
    assertThat(findings).extracting(Finding::what).contains("catálogo main", "grupo datagent-engineers", "Lakebase",
        "SQL warehouse 'Serverless Starter Warehouse'", "endpoint de serving databricks-gte-large-en");
    assertThat(check(prod("runner-sp-id"), CLI)).allMatch(Finding::ok);
  }

  @Test
  void should_name_the_install_command_when_the_cli_is_absent_or_older_than_the_floor() {
    Finding absent = onlyMiss(check(dev(), null));
    Finding old = onlyMiss(check(dev(), "Databricks CLI v0.296.1"));

    assertThat(absent.detail()).contains("no está instalada");
    assertThat(old.detail()).contains("0.296.1", "anterior a 0.297.0");
    assertThat(List.of(absent.fix(), old.fix())).allMatch(f -> f.equals(Doctor.INSTALL_CLI));
    assertThat(Doctor.cli("0.297.0", "Databricks CLI v1.11.0").ok()).isTrue();
  }

  @Test
  void should_tell_how_to_log_in_when_the_workspace_refuses_the_credentials() {
    ws.acceptsToken = false;

    Finding miss = onlyMiss(check(dev(), CLI));

    assertThat(miss.what()).isEqualTo("identidad");
    assertThat(miss.fix()).startsWith("databricks auth login --host");
  }

  @Test
  void should_create_the_catalog_when_it_does_not_exist() {
    ws.catalogs.remove("main");

    Finding miss = onlyMiss(check(dev(), CLI));

    assertThat(miss.what()).isEqualTo("catálogo main");
    assertThat(miss.fix()).startsWith("databricks catalogs create main");
  }

  @Test
  void should_grant_create_schema_on_the_catalog_when_the_deploying_identity_lacks_it() {
    ws.revoke("catalog/main", DoctorWorkspace.ME, "CREATE_SCHEMA");

    Finding miss = onlyMiss(check(dev(), CLI));

    assertThat(miss.detail()).contains("CREATE_SCHEMA").doesNotContain("USE_CATALOG");
    assertThat(miss.fix()).isEqualTo("databricks grants update catalog main --json '{\"changes\": [{\"principal\": \""
        + DoctorWorkspace.ME + "\", \"add\": [\"CREATE_SCHEMA\"]}]}'");
  }

  @Test
  void should_create_the_artifact_volume_when_it_does_not_exist() {
    ws.volumes.remove("main.default.datagent_artifacts");

    Finding miss = onlyMiss(check(dev(), CLI));

    assertThat(miss.what()).contains("main.default.datagent_artifacts");
    assertThat(miss.fix()).isEqualTo("databricks volumes create main default datagent_artifacts MANAGED");
  }

  @Test
  void should_grant_write_volume_when_the_deploying_identity_cannot_upload_the_jar() {
    ws.revoke("volume/main.default.datagent_artifacts", DoctorWorkspace.ME, "WRITE_VOLUME");

    Finding miss = onlyMiss(check(dev(), CLI));

    assertThat(miss.fix()).isEqualTo("databricks grants update volume main.default.datagent_artifacts --json "
        + "'{\"changes\": [{\"principal\": \"" + DoctorWorkspace.ME + "\", \"add\": [\"WRITE_VOLUME\"]}]}'");
  }

  @Test
  void should_grant_read_volume_to_the_runner_when_the_jobs_could_not_load_the_jar() {
    ws.roles.get("datagent-state").add("other-runner-id"); // its Lakebase role is there
    Finding miss = onlyMiss(check(prod("other-runner-id"), CLI));

    assertThat(miss.what()).contains("runner other-runner-id");
    assertThat(miss.fix()).isEqualTo("databricks grants update volume datagent.default.datagent_artifacts --json "
        + "'{\"changes\": [{\"principal\": \"other-runner-id\", \"add\": [\"READ_VOLUME\"]}]}'");
  }

  @Test
  void should_list_the_warehouses_when_none_has_the_looked_up_name_or_the_given_id() {
    ws.warehouses.clear();
    ws.warehouses.put("0000", "Otro warehouse");
    DeployTarget byId = new DeployTarget("dev", "main", "default", "datagent_artifacts", "4b9c0e1f2a3d5e6f", null,
        dev().groups(), dev().endpoints(), null, "0.297.0", false);

    Finding byName = onlyMiss(check(dev(), CLI));
    Finding withId = onlyMiss(check(byId, CLI));

    assertThat(byName.what()).isEqualTo("SQL warehouse 'Serverless Starter Warehouse'");
    assertThat(withId.what()).isEqualTo("SQL warehouse 4b9c0e1f2a3d5e6f");
    assertThat(List.of(byName.fix(), withId.fix())).allMatch(f -> f.startsWith("databricks warehouses list")
        && f.contains("--var warehouse_id=<id>"));
  }

  @Test
  void should_create_the_group_when_the_workspace_does_not_have_it() {
    ws.groups.remove("datagent-engineers");

    Finding miss = onlyMiss(check(dev(), CLI));

    assertThat(miss.what()).isEqualTo("grupo datagent-engineers");
    assertThat(miss.fix()).startsWith("databricks groups create --display-name datagent-engineers");
  }

  @Test
  void should_list_the_serving_endpoints_when_a_configured_one_does_not_exist() {
    ws.endpoints.remove("databricks-gte-large-en");

    Finding miss = onlyMiss(check(dev(), CLI));

    assertThat(miss.what()).isEqualTo("endpoint de serving databricks-gte-large-en");
    assertThat(miss.fix()).startsWith("databricks serving-endpoints list").contains("--var embedding_endpoint=");
  }

  @Test
  void should_say_how_to_enable_lakebase_when_the_workspace_refuses_its_api() {
    ws.lakebase = false;

    Finding miss = onlyMiss(check(dev(), CLI));

    assertThat(miss.what()).isEqualTo("Lakebase");
    assertThat(miss.detail()).contains("not enabled");
    assertThat(miss.fix()).contains("databricks database list-database-instances");
  }

  @Test
  void should_create_the_runners_lakebase_role_with_its_grants_when_the_instance_lacks_it() {
    ws.roles.get("datagent-state").remove("runner-sp-id");

    Finding miss = onlyMiss(check(prod("runner-sp-id"), CLI));
    ws.roles.clear(); // before the first deploy: no instance yet

    assertThat(miss.what()).isEqualTo("rol de Lakebase runner-sp-id");
    assertThat(miss.fix()).contains("databricks_create_role('runner-sp-id', 'SERVICE_PRINCIPAL')")
        .contains("GRANT USAGE ON SCHEMA app, monitor TO \"runner-sp-id\"")
        .contains("databricks database list-database-instance-roles datagent-state");
    assertThat(check(prod("runner-sp-id"), CLI)).as("the deploy creates the instance").allMatch(Finding::ok);
  }

  @Test
  void should_grant_create_catalog_on_the_metastore_only_when_the_optional_lakebase_catalog_is_included() {
    ws.revoke("metastore/" + DoctorWorkspace.METASTORE, DoctorWorkspace.ME, "CREATE_CATALOG");
    DeployTarget withCatalog = new DeployTarget("dev", "main", "default", "datagent_artifacts", null,
        "Serverless Starter Warehouse", dev().groups(), dev().endpoints(), null, "0.297.0", true);

    assertThat(check(dev(), CLI)).allMatch(Finding::ok);
    Finding miss = onlyMiss(check(withCatalog, CLI));

    assertThat(miss.fix()).isEqualTo("databricks grants update metastore " + DoctorWorkspace.METASTORE + " --json "
        + "'{\"changes\": [{\"principal\": \"" + DoctorWorkspace.ME + "\", \"add\": [\"CREATE_CATALOG\"]}]}'");
  }

  @Test
  void should_find_every_fix_it_prints_in_the_deploy_guides_prerequisites() throws java.io.IOException {
    // given: a workspace that has nothing the deploy needs, and no CLI
    ws.catalogs.clear();
    ws.warehouses.clear();
    ws.groups.clear();
    ws.endpoints.clear();
    ws.lakebase = false;
    ws.revoke("metastore/" + DoctorWorkspace.METASTORE, DoctorWorkspace.ME, "CREATE_CATALOG");
    DeployTarget all = new DeployTarget("dev", "main", "default", "datagent_artifacts", null,
        "Serverless Starter Warehouse", dev().groups(), dev().endpoints(), null, "0.297.0", true);
    List<Finding> misses = check(all, null).stream().filter(f -> !f.ok()).toList();
    ws.catalogs.add("main");
    ws.volumes.clear();
    ws.revoke("catalog/main", DoctorWorkspace.ME, "CREATE_SCHEMA");
    misses = new java.util.ArrayList<>(misses);
    misses.addAll(check(dev(), CLI).stream().filter(f -> !f.ok()).toList());
    String guide = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "deploying.md"));
    java.util.regex.Pattern command = java.util.regex.Pattern.compile("databricks [a-z-]+ [a-z-]+|curl -fsSL \\S+");

    // then
    assertThat(misses).hasSizeGreaterThanOrEqualTo(10);
    for (Finding miss : misses) {
      java.util.regex.Matcher m = command.matcher(miss.fix());
      assertThat(m.find()).as(miss.what() + ": a command in " + miss.fix()).isTrue();
      assertThat(guide).as("docs/deploying.md, Prerequisites, names the fix of " + miss.what()).contains(m.group());
    }
  }
}
