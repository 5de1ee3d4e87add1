package io.datagent.bundle;

import static io.datagent.bundle.BrokenBundleTest.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own bundle ({@code databricks.yml} and {@code resources/*.yml}) passes every check that
 * {@code databricks bundle validate} would make offline, for every target, and deploys as documented.
 */
class BundleTest {

  private final Bundle bundle = Bundle.load(ProjectLayout.root());

  @Test
  void should_find_no_problem_when_checking_every_file_and_target() {
    // when
    List<Problem> problems = new BundleChecker(ProjectLayout.jobsJar()).check(ProjectLayout.root());

    // then
    assertThat(problems).as(report(problems)).isEmpty();
  }

  @Test
  void should_deploy_dev_by_default_in_development_mode_and_prod_in_production_mode() {
    JsonNode targets = bundle.merged().path("targets");

    assertThat(bundle.targetNames()).containsExactly("dev", "prod");
    assertThat(targets.path("dev").path("mode").asText()).isEqualTo("development");
    assertThat(targets.path("dev").path("default").asBoolean()).isTrue();
    assertThat(targets.path("prod").path("mode").asText()).isEqualTo("production");
    assertThat(targets.path("prod").path("run_as").path("service_principal_name").asText()).isEqualTo("${var.runner}");
    assertThat(targets.path("prod").path("permissions")).isNotEmpty();
  }

  @Test
  void should_keep_the_secret_scope_from_business_users_in_every_target() {
    for (String target : bundle.targetNames()) {
      VariableResolver resolver = new VariableResolver(TargetView.of(bundle, target));
      JsonNode resolved = resolver.resolve();
      String business = resolver.value("business_group").asText();
      // Bundle-wide permissions are applied to the secret scope too (CAN_VIEW becomes READ).
      List<JsonNode> grants = new ArrayList<>();
      resolved.path("permissions").forEach(grants::add);
      resolved.path("resources").path("secret_scopes").forEach(scope -> scope.path("permissions").forEach(grants::add));

      assertThat(grants).as(target).noneMatch(p -> p.path("group_name").asText().equals(business));
    }
  }

  @Test
  void should_need_no_var_flag_when_deploying_dev() {
    TargetView dev = TargetView.of(bundle, "dev");

    assertThat(dev.requiredAtDeploy()).as("variables `bundle deploy -t dev` would ask for").isEmpty();
  }

  @Test
  void should_document_every_variable_when_prod_needs_it_at_deploy() throws IOException {
    String guide = Files.readString(ProjectLayout.root().resolve("docs/deploying.md"));
    TargetView prod = TargetView.of(bundle, "prod");

    assertThat(prod.requiredAtDeploy()).isNotEmpty();
    for (String variable : prod.requiredAtDeploy()) {
      assertThat(guide).as("docs/deploying.md explains --var " + variable).contains("--var " + variable + "=");
    }
  }

  @Test
  void should_upload_the_jar_maven_builds_to_a_volume_when_deploying_any_target() {
    for (String target : bundle.targetNames()) {
      TargetView view = TargetView.of(bundle, target);
      JsonNode resolved = new VariableResolver(view).resolve();

      assertThat(resolved.path("workspace").path("artifact_path").asText()).as(target).startsWith("/Volumes/");
      assertThat(resolved.path("artifacts").path("jobs_jar").path("type").asText()).isEqualTo("jar");
    }
    assertThat(ProjectLayout.root().resolve(bundle.merged().path("artifacts").path("jobs_jar").path("files")
        .path(0).path("source").asText()).normalize())
        .as("the artifact is the shaded JAR `mvn -pl jobs -am package` builds")
        .isEqualTo(ProjectLayout.jobsJar());
  }

  @Test
  void should_start_ingestion_on_upload_and_weekly_when_deployed() {
    JsonNode jobs = TargetView.of(bundle, "prod").config().path("resources").path("jobs");
    JsonNode ingestion = jobs.path("ingestion");
    JsonNode weekly = jobs.path("ingestion_weekly");

    assertThat(ingestion.path("trigger").path("file_arrival").path("url").asText())
        .isEqualTo("/Volumes/${var.catalog}/${resources.schemas.raw.name}/${resources.volumes.uploads.name}/");
    assertThat(weekly.path("schedule").path("quartz_cron_expression").asText()).isEqualTo("0 0 6 ? * MON");
    assertThat(weekly.path("tasks").path(0).path("run_job_task").path("job_id").asText())
        .isEqualTo("${resources.jobs.ingestion.id}");
    assertThat(ingestion.path("max_concurrent_runs").asInt()).as("weekly runs queue behind upload runs").isEqualTo(1);
    assertThat(ingestion.path("queue").path("enabled").asBoolean()).isTrue();
  }

  @Test
  void should_pass_parallelism_as_a_job_parameter_when_ingesting() {
    JsonNode ingestion = TargetView.of(bundle, "dev").config().path("resources").path("jobs").path("ingestion");

    assertThat(ReferenceCheck.names(ingestion.path("parameters"), "name")).contains("parallelism");
    assertThat(ingestion.path("tasks").path(0).path("spark_jar_task").path("parameters").toString())
        .contains("\"--parallelism\",\"{{job.parameters.parallelism}}\"")
        .contains("\"--batch-id\",\"{{job.run_id}}\"");
  }

  @Test
  void should_run_jar_tasks_on_a_single_node_16_4_cluster_with_retries_and_failure_email() {
    for (String target : bundle.targetNames()) {
      JsonNode jobs = new VariableResolver(TargetView.of(bundle, target)).resolve().path("resources").path("jobs");
      jobs.fields().forEachRemaining(job -> {
        for (JsonNode task : job.getValue().path("tasks")) {
          if (!task.has("spark_jar_task")) {
            continue;
          }
          String where = target + " " + job.getKey() + "." + task.path("task_key").asText();
          JsonNode cluster = job.getValue().path("job_clusters").path(0).path("new_cluster");
          assertThat(cluster.path("spark_version").asText()).as(where).isEqualTo("16.4.x-scala2.12");
          assertThat(cluster.path("num_workers").asInt(-1)).as(where).isZero();
          assertThat(task.path("max_retries").asInt()).as(where).isPositive();
          assertThat(task.path("timeout_seconds").asInt()).as(where).isPositive();
          assertThat(job.getValue().path("email_notifications").path("on_failure")).as(where).isNotEmpty();
        }
      });
    }
  }

  @Test
  void should_embed_after_ingestion_even_when_some_files_failed() {
    JsonNode tasks = TargetView.of(bundle, "prod").config().path("resources").path("jobs").path("ingestion").path("tasks");
    JsonNode embed = null;
    for (JsonNode t : tasks) {
      if (t.path("task_key").asText().equals("embed")) {
        embed = t;
      }
    }

    assertThat(embed).as("task embed in the ingestion job").isNotNull();
    assertThat(embed.path("depends_on").toString()).contains("\"task_key\":\"ingest\"");
    assertThat(embed.path("run_if").asText()).isEqualTo("ALL_DONE");
    assertThat(embed.path("spark_jar_task").path("main_class_name").asText()).isEqualTo("io.datagent.embedding.EmbedJob");
    assertThat(embed.path("spark_jar_task").path("parameters").toString())
        .contains("\"--provider\",\"databricks\"")
        .contains("\"--endpoint\",\"${var.embedding_endpoint}\"");
  }

  @Test
  void should_chain_extract_load_embed_and_index_sync_with_retries_schedule_and_monitor_when_loading_api_sources() {
    JsonNode jobs = TargetView.of(bundle, "prod").config().path("resources").path("jobs");
    JsonNode api = jobs.path("api_sources");
    java.util.Map<String, JsonNode> tasks = new java.util.LinkedHashMap<>();
    api.path("tasks").forEach(t -> tasks.put(t.path("task_key").asText(), t));

    assertThat(tasks.keySet()).containsExactly("extract", "load", "embed", "sync");
    assertThat(tasks.get("load").path("depends_on").toString()).contains("\"task_key\":\"extract\"");
    assertThat(tasks.get("embed").path("depends_on").toString()).contains("\"task_key\":\"load\"");
    assertThat(tasks.get("sync").path("depends_on").toString()).contains("\"task_key\":\"embed\"");
    tasks.forEach((key, t) -> assertThat(t.path("max_retries").asInt()).as(key + " retries").isPositive());
    assertThat(tasks.get("sync").path("spark_jar_task").path("main_class_name").asText())
        .isEqualTo("io.datagent.embedding.IndexSyncJob");
    assertThat(tasks.get("sync").path("spark_jar_task").path("parameters").toString())
        .contains("\"--vector-search\",\"${var.vector_search_enabled}\"")
        .contains("document_embeddings_index");
    assertThat(api.path("schedule").path("quartz_cron_expression").asText()).isNotBlank();
    // watched like the ingestion job: the same webhooks to the App's monitor, which may repair it
    assertThat(api.path("webhook_notifications")).isEqualTo(jobs.path("ingestion").path("webhook_notifications"));
    assertThat(api.path("permissions").toString()).contains("CAN_MANAGE_RUN")
        .contains("${resources.apps.datagent.service_principal_client_id}");
  }

  @Test
  void should_give_the_app_every_resource_its_app_yaml_reads_when_deployed() throws IOException {
    JsonNode app = bundle.merged().path("resources").path("apps").path("datagent");
    List<String> names = new ArrayList<>();
    app.path("resources").forEach(r -> names.add(r.path("name").asText()));
    JsonNode appYaml = BundleYaml.parse(Files.readString(ProjectLayout.root().resolve("bundle/app/app.yaml")));
    List<String> valueFrom = new ArrayList<>();
    appYaml.path("env").forEach(e -> {
      if (e.has("valueFrom")) {
        valueFrom.add(e.path("valueFrom").asText());
      }
    });

    assertThat(app.path("source_code_path").asText()).isEqualTo("../bundle/app");
    assertThat(appYaml.path("command").isArray()).as("app.yaml command is an argv list").isTrue();
    assertThat(names).containsAll(valueFrom)
        .contains("sql-warehouse", "llm-endpoint", "embedding-endpoint", "ingestion-job", "uploads-volume", "database");
    assertThat(app.path("user_api_scopes").toString()).contains("\"sql\"");
    assertThat(app.path("resources").toString())
        .contains("\"id\":\"${resources.jobs.ingestion.id}\",\"permission\":\"CAN_MANAGE_RUN\"")
        .contains("\"id\":\"${resources.jobs.optimize.id}\",\"permission\":\"CAN_MANAGE_RUN\"")
        .contains("\"experiment_id\":\"${resources.experiments.quality.id}\"")
        .contains("\"permission\":\"CAN_CONNECT_AND_CREATE\"");
    assertThat(app.path("config").path("env").toString())
        .contains("{\"name\":\"DATAGENT_OPTIMIZE_JOB_ID\",\"value_from\":\"optimize-job\"}");
  }

  @Test
  void should_keep_the_state_on_the_smallest_lakebase_and_register_it_in_unity_catalog_only_when_included()
      throws IOException {
    JsonNode resources = bundle.merged().path("resources");
    JsonNode optional = BundleYaml.parse(Files.readString(ProjectLayout.root()
        .resolve("resources/optional/lakebase_catalog.yml"))).path("resources").path("database_catalogs").path("state");

    assertThat(resources.path("database_instances").path("state").path("capacity").asText()).isEqualTo("CU_1");
    assertThat(optional.path("database_instance_name").asText()).isEqualTo("${resources.database_instances.state.name}");
    assertThat(optional.path("database_name").asText()).as("the database the App's resource uses")
        .isEqualTo("${var.lakebase_database}");
  }

  @Test
  void should_keep_the_optional_vector_search_file_deployable_when_included(@TempDir Path copy) throws IOException {
    // given the bundle with resources/optional/*.yml included, as docs/deploying.md says to turn it on
    Path root = ProjectLayout.root();
    String main = Files.readString(root.resolve("databricks.yml"));
    assertThat(main).contains("  - resources/*.yml\n");
    Files.writeString(copy.resolve("databricks.yml"),
        main.replace("  - resources/*.yml\n", "  - resources/*.yml\n  - resources/optional/*.yml\n"));
    try (Stream<Path> files = Files.walk(root.resolve("resources"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = copy.resolve(root.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    Files.createSymbolicLink(copy.resolve("bundle"), root.resolve("bundle"));

    // when
    List<Problem> problems = new BundleChecker(ProjectLayout.jobsJar()).check(copy);

    // then
    assertThat(problems).as(report(problems)).isEmpty();
    assertThat(Bundle.load(copy).merged().path("resources").path("vector_search_indexes")).isNotEmpty();
    assertThat(Bundle.load(copy).merged().path("resources").path("database_catalogs")).isNotEmpty();
    assertThat(bundle.merged().path("resources").has("vector_search_endpoints"))
        .as("Vector Search bills while it exists: off unless included on purpose").isFalse();
    assertThat(bundle.merged().path("resources").has("database_catalogs"))
        .as("a database catalog needs CREATE CATALOG on the metastore: off unless included on purpose").isFalse();
    assertThat(Files.readString(root.resolve("docs/deploying.md")))
        .contains("- resources/optional/vector_search.yml", "- resources/optional/lakebase_catalog.yml");
  }
}
