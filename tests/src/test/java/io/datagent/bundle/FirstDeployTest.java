package io.datagent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A first {@code databricks bundle deploy} on a workspace that has only a catalog and a warehouse (issue 13): one
 * command builds everything, nothing deployed by default needs a secret, a metastore privilege or a resource that
 * exists only after the deploy, and the CLI version floor covers every resource type used.
 */
class FirstDeployTest {

  private static final String SERVICE_PRINCIPAL = "${resources.apps.datagent.service_principal_client_id}";
  /**
   * The CLI release that first deploys each resource type (CLI CHANGELOG.md: jobs from the first releases that carry
   * bundles, listed as 0.200.0 here; "Add resource for UC schemas to DABs" 0.225.0, "Add DABs support for Unity Catalog
   * volumes" 0.236.0, "Added support for Databricks Apps in DABs" 0.239.0, "Add support for secret scopes in DABs"
   * 0.252.0, "Add support for Lakebase database instances/catalogs in DABs" 0.265.0, "engine/direct: Added support for
   * Vector Search Endpoints" 0.298.0, "Added vector_search_indexes as a bundle resource (direct engine only)" 1.1.0).
   */
  static final Map<String, String> SINCE = Map.of("jobs", "0.200.0", "schemas", "0.225.0", "volumes", "0.236.0",
      "apps", "0.239.0", "secret_scopes", "0.252.0", "database_instances", "0.265.0", "database_catalogs", "0.265.0",
      "vector_search_endpoints", "0.298.0", "vector_search_indexes", "1.1.0",
      "experiments", "0.200.0");
  /**
   * What needs no more than USE_CATALOG and CREATE_SCHEMA on one catalog (plus Apps and Lakebase enabled); the MLflow
   * experiment lives in the bundle's own workspace folder.
   */
  private static final Set<String> FIRST_DEPLOY_TYPES = Set.of("jobs", "schemas", "volumes", "apps", "secret_scopes",
      "database_instances", "experiments");

  private final Path root = ProjectLayout.root();
  private final Bundle bundle = Bundle.load(root);

  @Test
  void should_build_the_apps_thin_jars_into_its_source_folder_when_deploying() throws IOException {
    JsonNode artifacts = bundle.merged().path("artifacts");
    JsonNode app = artifacts.path("app_jars");
    String glob = app.path("files").path(0).path("source").asText();
    Path source = root.resolve("resources").resolve(bundle.merged().path("resources").path("apps").path("datagent")
        .path("source_code_path").asText()).normalize();
    Matcher lib = Pattern.compile("<app\\.bundle\\.lib>\\$\\{project\\.basedir}/(.+)</app\\.bundle\\.lib>")
        .matcher(Files.readString(root.resolve("app/pom.xml")));

    assertThat(app.path("build").asText()).as("Maven packages the App module and what it depends on")
        .contains("mvn ", " -pl app ", " -am ", " package");
    assertThat(artifacts.path("jobs_jar").path("build").asText()).contains(" -pl jobs ", " package");
    assertThat(lib.find()).as("app/pom.xml names where the thin JARs land").isTrue();
    assertThat(root.resolve("app").resolve(lib.group(1)).normalize())
        .as("the JARs app/pom.xml builds are the files the artifact checks, in the App's source folder")
        .isEqualTo(root.resolve(Path.of(glob).getParent().toString()).normalize())
        .isEqualTo(source.resolve("lib"));
    assertThat(glob).endsWith("/*.jar");
    List<String> synced = new ArrayList<>();
    bundle.merged().path("sync").path("include").forEach(g -> synced.add(g.asText()));
    assertThat(synced).as("git-ignored lib/ still synced").anyMatch(g ->
        FileSystems.getDefault().getPathMatcher("glob:" + g).matches(Path.of(glob).getParent().resolve("datagent-app.jar")));
    assertThat(app.has("type")).as("no type: checked after the build, never uploaded as a job library").isFalse();
  }

  @Test
  void should_deploy_only_what_a_catalog_and_a_warehouse_allow_when_nothing_optional_is_included() {
    JsonNode resources = bundle.merged().path("resources");
    Set<String> types = new TreeSet<>();
    resources.fieldNames().forEachRemaining(types::add);

    assertThat(types).as("database_catalogs need CREATE CATALOG; Vector Search bills hourly: both optional")
        .isSubsetOf(FIRST_DEPLOY_TYPES);
    assertThat(resources.path("apps").path("datagent").path("resources"))
        .as("a secret resource fails the App's deployment while the secret does not exist").noneMatch(r -> r.has("secret"));
    assertThat(resources.path("apps").path("datagent").path("resources").toString())
        .as("the App's Lakebase database exists in every instance, with or without the catalog registration")
        .contains("\"database_name\":\"${var.lakebase_database}\"")
        .doesNotContain("database_catalogs");
    assertThat(bundle.merged().path("variables").path("lakebase_database").path("default").asText())
        .isEqualTo("databricks_postgres");
    for (String target : bundle.targetNames()) {
      JsonNode resolved = new VariableResolver(TargetView.of(bundle, target)).resolve();
      resolved.path("resources").path("jobs").fields().forEachRemaining(job -> {
        for (JsonNode cluster : job.getValue().path("job_clusters")) {
          assertThat(cluster.path("new_cluster").path("spark_env_vars").toString()).as(target + " " + job.getKey()
              + ": a secret reference that cannot be resolved fails the cluster launch").doesNotContain("{{secrets/");
        }
      });
    }
  }

  @Test
  void should_notify_the_app_and_let_it_manage_the_runs_of_every_job_the_monitor_watches() {
    JsonNode jobs = bundle.merged().path("resources").path("jobs");
    List<String> names = new ArrayList<>();
    jobs.fieldNames().forEachRemaining(names::add);

    assertThat(names).contains("ingestion", "ingestion_weekly", "maintenance");
    jobs.fields().forEachRemaining(job -> {
      assertThat(job.getValue().path("webhook_notifications").asText()).as(job.getKey())
          .isEqualTo("${var.monitor_webhooks}");
      assertThat(job.getValue().path("permissions").toString()).as(job.getKey() + ": the App's monitor retries and repairs")
          .contains("{\"service_principal_name\":\"" + SERVICE_PRINCIPAL + "\",\"level\":\"CAN_MANAGE_RUN\"}");
    });
    JsonNode monitorWebhooks = bundle.merged().path("variables").path("monitor_webhooks");
    assertThat(monitorWebhooks.path("type").asText()).isEqualTo("complex");
    assertThat(monitorWebhooks.path("default").isObject() && monitorWebhooks.path("default").isEmpty())
        .as("no destination on a first deploy: the App it calls does not exist yet").isTrue();
    for (String target : bundle.targetNames()) {
      JsonNode resolved = new VariableResolver(TargetView.of(bundle, target)).resolve();
      assertThat(resolved.path("resources").path("jobs").path("maintenance").path("webhook_notifications").isObject())
          .as(target + ": resolves to the Jobs API's object").isTrue();
    }
  }

  @Test
  void should_give_every_job_a_valid_webhook_destination_when_the_documented_override_is_set() throws IOException {
    // given: the variable-overrides.json that docs/deploying.md (Job webhooks) tells to write after the first deploy
    String guide = Files.readString(root.resolve("docs/deploying.md"));
    Matcher block = Pattern.compile("```json\\n(\\{\"monitor_webhooks\".*?)\\n```", Pattern.DOTALL).matcher(guide);
    assertThat(block.find()).as("the override file in docs/deploying.md").isTrue();
    JsonNode webhooks = BundleYaml.parse(block.group(1).replace("<destination id>", "d3f1a2b4-0000-4000-8000-000000000001"))
        .path("monitor_webhooks");
    com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
        BundleYaml.parse("bundle: {name: probe}\nresources: {jobs: {}}\n");
    com.fasterxml.jackson.databind.node.ObjectNode jobs = (com.fasterxml.jackson.databind.node.ObjectNode)
        doc.path("resources").path("jobs");
    bundle.merged().path("resources").path("jobs").fieldNames().forEachRemaining(name ->
        jobs.putObject(name).put("name", name).set("webhook_notifications", webhooks));

    // when
    List<Problem> problems = BundleSchema.load().validate(doc, (path, message) -> new Problem("override", path.toString(),
        message, ""));

    // then
    assertThat(problems).as(problems.toString()).isEmpty();
    assertThat(webhooks.path("on_failure").path(0).path("id").asText()).isNotBlank();
  }

  @Test
  void should_embed_as_the_jobs_identity_and_sync_the_index_the_optional_file_creates() throws IOException {
    JsonNode embed = null;
    for (JsonNode task : bundle.merged().path("resources").path("jobs").path("ingestion").path("tasks")) {
      if (task.path("task_key").asText().equals("embed")) {
        embed = task;
      }
    }
    assertThat(embed).isNotNull();
    Map<String, String> options = options(embed.path("spark_jar_task").path("parameters"));
    JsonNode optional = BundleYaml.parse(Files.readString(root.resolve("resources/optional/vector_search.yml")));

    assertThat(options).containsEntry("vector-search", "${var.vector_search_enabled}")
        .containsEntry("vector-search-index", optional.path("resources").path("vector_search_indexes")
            .path("documents").path("name").asText());
    assertThat(optional.path("resources").path("vector_search_indexes").path("documents")
        .path("delta_sync_index_spec").path("pipeline_type").asText()).isEqualTo("TRIGGERED");
    assertThat(embed.path("job_cluster_key").asText()).as("no cluster of its own for a token").isEqualTo("single_node");
  }

  @Test
  void should_require_a_cli_that_deploys_every_resource_type_used_by_default_and_name_the_optional_ones()
      throws IOException {
    String floor = bundle.merged().path("bundle").path("databricks_cli_version").asText().replace(">=", "").strip();
    String guide = Files.readString(root.resolve("docs/deploying.md"));
    Set<String> used = new TreeSet<>();
    bundle.merged().path("resources").fieldNames().forEachRemaining(used::add);

    assertThat(SINCE.keySet()).as("every resource type used has a known first CLI release").containsAll(used);
    for (String type : used) {
      assertThat(compare(floor, SINCE.get(type))).as(type + " needs CLI " + SINCE.get(type)).isGreaterThanOrEqualTo(0);
    }
    assertThat(guide).contains("Databricks CLI " + floor + " or newer")
        .as("the optional Vector Search file needs a newer CLI and the direct engine")
        .contains("CLI " + SINCE.get("vector_search_indexes") + " or newer", "bundle.engine: direct");
  }

  /** -1, 0 or 1 as version {@code a} is older than, equal to or newer than {@code b}. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static Map<String, String> options(JsonNode parameters) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < parameters.size(); i++) {
      if (parameters.get(i).asText().startsWith("--")) {
        out.put(parameters.get(i).asText().substring(2), parameters.get(i + 1).asText());
      }
    }
    return out;
  }
}
