package io.datagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project's own databricks.yml read as a deploy of each target would read it. */
class BundleVariablesTest {

  private static final Path BUNDLE = Path.of("..", "databricks.yml");

  @Test
  void should_read_each_targets_catalog_runner_and_cli_floor_from_the_projects_bundle() {
    DeployTarget dev = new BundleVariables(BUNDLE, "dev", Map.of()).deployTarget();
    DeployTarget prod = new BundleVariables(BUNDLE, "prod", Map.of("runner", "sp-app-id", "warehouse_id", "abc"))
        .deployTarget();

    assertThat(dev.catalog()).isEqualTo("main");
    assertThat(dev.runner()).as("dev runs as the deploying user").isNull();
    assertThat(dev.warehouseId()).isNull();
    assertThat(dev.warehouseName()).isEqualTo("Serverless Starter Warehouse");
    assertThat(dev.artifactVolumeName()).isEqualTo("main.default.datagent_artifacts");
    assertThat(dev.groups()).containsExactly("datagent-users", "datagent-engineers");
    assertThat(dev.endpoints()).containsExactly("databricks-meta-llama-3-3-70b-instruct", "databricks-gte-large-en");
    assertThat(dev.cliFloor()).isEqualTo("0.297.0");
    assertThat(dev.lakebaseCatalog()).as("optional, not included by default").isFalse();
    assertThat(dev.lakebaseInstance()).isEqualTo("datagent-state");
    assertThat(new BundleVariables(BUNDLE, "dev", Map.of("lakebase_instance", "estado-b")).deployTarget().lakebaseInstance())
        .isEqualTo("estado-b");
    assertThat(prod.catalog()).isEqualTo("datagent");
    assertThat(prod.runner()).isEqualTo("sp-app-id");
    assertThat(prod.warehouseId()).isEqualTo("abc");
  }

  @Test
  void should_name_the_targets_when_asked_for_one_the_bundle_does_not_have() {
    assertThatThrownBy(() -> new BundleVariables(BUNDLE, "staging", Map.of()))
        .hasMessageContaining("staging").hasMessageContaining("dev").hasMessageContaining("prod");
  }
}
