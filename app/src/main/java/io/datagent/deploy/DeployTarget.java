package io.datagent.deploy;

import java.util.List;

/**
 * What a deploy of one bundle target needs from the workspace, from the bundle's variables ({@link BundleVariables}).
 *
 * @param target            dev or prod
 * @param catalog           the existing catalog of the raw and serving schemas
 * @param artifactSchema    schema of the artifact Volume
 * @param artifactVolume    the Volume the CLI uploads the jobs JAR to
 * @param warehouseId       the warehouse's id, or null to find it by {@code warehouseName}
 * @param warehouseName     the warehouse the bundle looks up by name
 * @param groups            account groups granted on the bundle's resources
 * @param endpoints         serving endpoints the App and EmbedJob call
 * @param runner            identity the jobs run as (needs READ_VOLUME on the artifact Volume), or null for the
 *                          deploying identity
 * @param cliFloor          the bundle's {@code databricks_cli_version} floor, e.g. 0.297.0
 * @param lakebaseCatalog   whether resources/optional/lakebase_catalog.yml is included (needs CREATE CATALOG)
 * @param lakebaseInstance  the App's Lakebase instance, where the runner needs a role for the quality jobs
 */
public record DeployTarget(String target, String catalog, String artifactSchema, String artifactVolume, String warehouseId,
    String warehouseName, List<String> groups, List<String> endpoints, String runner, String cliFloor,
    boolean lakebaseCatalog, String lakebaseInstance) {

  /** The bundle's default Lakebase instance name. */
  public static final String LAKEBASE_INSTANCE = "datagent-state";

  public DeployTarget(String target, String catalog, String artifactSchema, String artifactVolume, String warehouseId,
      String warehouseName, List<String> groups, List<String> endpoints, String runner, String cliFloor,
      boolean lakebaseCatalog) {
    this(target, catalog, artifactSchema, artifactVolume, warehouseId, warehouseName, groups, endpoints, runner, cliFloor,
        lakebaseCatalog, LAKEBASE_INSTANCE);
  }

  public String artifactVolumeName() {
    return catalog + "." + artifactSchema + "." + artifactVolume;
  }
}
