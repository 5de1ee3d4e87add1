package io.datagent.bundle;

import static io.datagent.bundle.BrokenBundleTest.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.secrets.AppSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The App that {@code databricks bundle run datagent} deploys gets, in every target, the names, recipients and
 * secrets its code reads: from the bundle's {@code config} in resources/app.yml, never from a value fixed in a file.
 */
class AppEnvironmentTest {

  private static final String APP = "datagent";
  private static final String SERVICE_PRINCIPAL = "${resources.apps.datagent.service_principal_client_id}";
  /** Names that differ per target, which only the bundle can know. */
  private static final List<String> PER_TARGET = List.of("DATAGENT_CATALOG", "DATAGENT_RAW_SCHEMA",
      "DATAGENT_SERVING_SCHEMA", "LAKEBASE_INSTANCE_NAME", "DATAGENT_MONITOR_EMAIL_TO", "DATAGENT_MONITOR_ESCALATION_TO",
      "DATAGENT_SMTP_HOST", "DATAGENT_SMTP_PORT", "DATAGENT_SMTP_USER", "DATAGENT_SMTP_FROM",
      "DATAGENT_VECTOR_SEARCH_ENABLED", "DATAGENT_PROMPT_REGISTRY", "DATAGENT_QUALITY_SCHEMA");

  private final Path root = ProjectLayout.root();
  private final Bundle bundle = Bundle.load(root);

  @Test
  void should_give_the_app_the_catalog_and_schemas_ingestion_writes_when_deploying_each_target() {
    Deployed dev = Deployed.of(bundle, "dev");
    Deployed prod = Deployed.of(bundle, "prod");

    assertThat(dev.appEnv(APP))
        .containsEntry("DATAGENT_CATALOG", "main")
        .containsEntry("DATAGENT_RAW_SCHEMA", "dev_" + Deployed.SHORT_NAME + "_raw")
        .containsEntry("DATAGENT_SERVING_SCHEMA", "dev_" + Deployed.SHORT_NAME + "_serving")
        .containsEntry("LAKEBASE_INSTANCE_NAME", "datagent-state");
    assertThat(prod.appEnv(APP))
        .containsEntry("DATAGENT_CATALOG", "datagent")
        .containsEntry("DATAGENT_RAW_SCHEMA", "raw")
        .containsEntry("DATAGENT_SERVING_SCHEMA", "serving")
        .containsEntry("LAKEBASE_INSTANCE_NAME", "datagent-state");
    for (Deployed target : List.of(dev, prod)) {
      Map<String, String> env = target.appEnv(APP);
      String catalog = env.get("DATAGENT_CATALOG");
      String raw = env.get("DATAGENT_RAW_SCHEMA");
      for (String task : List.of("ingest", "embed")) {
        assertThat(target.taskOptions("ingestion", task)).as(target.target() + " ingestion." + task)
            .containsEntry("catalog", catalog).containsEntry("raw-schema", raw)
            .containsEntry("serving-schema", env.get("DATAGENT_SERVING_SCHEMA"));
      }
      JsonNode app = target.config().path("resources").path("apps").path(APP);
      assertThat(resource(app, "uploads-volume").path("uc_securable").path("securable_full_name").asText())
          .as(target.target() + ": the Volume whose path reaches the App as DATAGENT_UPLOADS_VOLUME")
          .isEqualTo(catalog + "." + raw + ".uploads");
      assertThat(resource(app, "database").path("database").path("instance_name").asText())
          .isEqualTo(env.get("LAKEBASE_INSTANCE_NAME"));
    }
  }

  @Test
  void should_build_the_quality_jobs_agent_from_the_apps_catalog_schemas_volume_and_lakebase_when_deploying_each_target() {
    for (String target : bundle.targetNames()) {
      Deployed deployed = Deployed.of(bundle, target);
      Map<String, String> env = deployed.appEnv(APP);
      JsonNode app = deployed.config().path("resources").path("apps").path(APP);
      assertThat(env).as(target).containsEntry("DATAGENT_EVALUATE_JOB_ID", "<from resource 'evaluate-job'>")
          .containsEntry("DATAGENT_OPTIMIZE_JOB_ID", "<from resource 'optimize-job'>");
      for (String job : List.of("evaluate", "optimize")) {
        JsonNode definition = deployed.config().path("resources").path("jobs").path(job);
        JsonNode vars = definition.path("job_clusters").path(0).path("new_cluster").path("spark_env_vars");
        String where = target + " " + job;
        for (String name : List.of("DATAGENT_CATALOG", "DATAGENT_RAW_SCHEMA", "DATAGENT_SERVING_SCHEMA", "LAKEBASE_INSTANCE_NAME",
            "DATAGENT_VECTOR_SEARCH_ENABLED", "DATAGENT_PROMPT_REGISTRY")) { // the jobs evaluate the prompt the App serves
          assertThat(vars.path(name).asText()).as(where + " " + name).isEqualTo(env.get(name));
        }
        assertThat(vars.path("DATAGENT_UPLOADS_VOLUME").asText()).as(where).isEqualTo("/Volumes/"
            + resource(app, "uploads-volume").path("uc_securable").path("securable_full_name").asText().replace('.', '/'));
        assertThat(vars.path("DATABRICKS_WAREHOUSE_ID").asText()).as(where)
            .isEqualTo(resource(app, "sql-warehouse").path("sql_warehouse").path("id").asText());
        assertThat(vars.path("DATAGENT_LLM_ENDPOINT").asText()).as(where)
            .isEqualTo(resource(app, "llm-endpoint").path("serving_endpoint").path("name").asText());
        assertThat(vars.path("PGDATABASE").asText()).as(where)
            .isEqualTo(resource(app, "database").path("database").path("database_name").asText());
        assertThat(deployed.taskOptions(job, job)).as(where).containsEntry("catalog", env.get("DATAGENT_CATALOG"));
        assertThat(resource(app, job + "-job").path("job").path("permission").asText()).isEqualTo("CAN_MANAGE_RUN");
      }
      assertThat(deployed.taskOptions("evaluate", "evaluate")).as(target + ": the evaluation's results schema")
          .containsEntry("results-schema", deployed.config().path("resources").path("schemas").path("quality").path("name").asText());
      assertThat(env).as(target + ": the Monitor page reads the evaluations where the job writes them")
          .containsEntry("DATAGENT_QUALITY_SCHEMA", deployed.taskOptions("evaluate", "evaluate").get("results-schema"));
    }
  }

  @Test
  void should_send_the_monitor_emails_to_the_recipients_of_the_jobs_when_deploying_each_target() {
    for (String target : bundle.targetNames()) {
      Deployed deployed = Deployed.of(bundle, target);
      Map<String, String> env = deployed.appEnv(APP);
      JsonNode mail = deployed.config().path("resources").path("jobs").path("ingestion").path("email_notifications");

      assertThat(env.get("DATAGENT_MONITOR_EMAIL_TO")).as(target)
          .isEqualTo(mail.path("on_failure").path(0).asText());
      assertThat(env.get("DATAGENT_MONITOR_ESCALATION_TO")).as(target)
          .isEqualTo(mail.path("on_duration_warning_threshold_exceeded").path(0).asText());
    }
    assertThat(Deployed.of(bundle, "dev").appEnv(APP)).containsEntry("DATAGENT_MONITOR_EMAIL_TO", Deployed.USER_NAME);
    assertThat(Deployed.of(bundle, "prod").appEnv(APP).get("DATAGENT_SMTP_HOST"))
        .as("no SMTP server unless --var smtp_host: blank for the monitor, yet not empty for the Apps API").isEqualTo(" ");
  }

  @Test
  void should_fix_no_target_specific_name_in_any_file_the_app_is_deployed_from() {
    JsonNode config = app().path("config");
    Map<String, JsonNode> configured = byName(config.path("env"));
    Map<String, JsonNode> appYaml = byName(appYaml().path("env"));

    assertThat(appYaml.keySet()).as("bundle/app/app.yaml serves every target alike").doesNotContainAnyElementsOf(PER_TARGET);
    for (String name : PER_TARGET) {
      assertThat(configured).as("resources/app.yml config.env").containsKey(name);
      assertThat(configured.get(name).path("value").asText()).as(name + " comes from a variable or a resource")
          .matches("\\$\\{(var|resources)\\.[\\w.-]+}");
    }
    assertThat(configured.get("DATAGENT_RAW_SCHEMA").path("value").asText())
        .as("the schema's deployed name (development mode renames it), not the variable")
        .isEqualTo("${resources.schemas.raw.name}");
    assertThat(configured.get("DATAGENT_SERVING_SCHEMA").path("value").asText())
        .isEqualTo("${resources.schemas.serving.name}");
    assertThat(configured.get("LAKEBASE_INSTANCE_NAME").path("value").asText())
        .isEqualTo("${resources.database_instances.state.name}");
  }

  @Test
  void should_read_its_optional_secrets_from_the_bundles_scope_at_start_and_never_through_a_secret_resource()
      throws IOException {
    Map<String, String> expected = Map.of(
        "llm-api-key", "OPENAI_API_KEY",
        "smtp-password", "DATAGENT_SMTP_PASSWORD",
        "webhook-secret", "DATAGENT_MONITOR_WEBHOOK_SECRET");
    Map<String, String> read = new LinkedHashMap<>();
    AppSecret.ALL.forEach(secret -> read.put(secret.key(), secret.variable()));
    Map<String, JsonNode> configured = byName(app().path("config").path("env"));
    Map<String, JsonNode> appYaml = byName(appYaml().path("env"));

    // A secret resource naming a secret that does not exist fails the App's deployment: none on a first deploy.
    assertThat(app().path("resources")).as("the App's resources").noneMatch(r -> r.has("secret"));
    assertThat(read).isEqualTo(expected);
    assertThat(configured.get("DATAGENT_SECRET_SCOPE").path("value").asText())
        .isEqualTo("${resources.secret_scopes.datagent.name}");
    assertThat(bundle.merged().path("resources").path("secret_scopes").path("datagent").path("permissions").toString())
        .as("the App reads the scope as itself").contains("{\"service_principal_name\":\"" + SERVICE_PRINCIPAL
            + "\",\"level\":\"READ\"}");
    for (Deployed target : List.of(Deployed.of(bundle, "dev"), Deployed.of(bundle, "prod"))) {
      assertThat(target.appEnv(APP).get("DATAGENT_SECRET_SCOPE")).as(target.target())
          .isEqualTo(target.config().path("resources").path("secret_scopes").path("datagent").path("name").asText());
    }
    assertThat(source("assistant/src/main/java/io/datagent/agent/AgentConfig.java")).contains("\"OPENAI_API_KEY\"");
    assertThat(monitorYaml()).contains("${DATAGENT_SMTP_PASSWORD", "${DATAGENT_MONITOR_WEBHOOK_SECRET");
    // No secret value in a file: nothing named like a credential is set at all (the scope's name is not one).
    for (Map<String, JsonNode> env : List.of(configured, appYaml)) {
      env.forEach((name, e) -> {
        if (name.matches(".*(PASSWORD|SECRET|API_KEY|TOKEN).*") && !name.endsWith("_SCOPE")) {
          assertThat(e.has("value")).as(name + " must never be a value in a file").isFalse();
        }
      });
    }
    assertThat(configured.keySet()).doesNotContainAnyElementsOf(expected.values());
  }

  @Test
  void should_provide_every_variable_the_app_reads_when_it_runs_on_databricks() throws IOException {
    Set<String> provided = byName(app().path("config").path("env")).keySet();
    Set<String> read = new TreeSet<>();
    read.addAll(literals(source("app/src/main/java/io/datagent/app/AppMain.java")));
    read.addAll(literals(source("app/src/main/java/io/datagent/app/AppAgents.java"))); // the agent wiring AppMain uses
    read.addAll(literals(source("app/src/main/java/io/datagent/app/state/Lakebase.java")));
    read.addAll(literals(source("app/src/main/java/io/datagent/app/prompts/AgentPrompts.java"))); // the prompt registry
    read.addAll(monitorVariables());
    // Read from the secret scope when the App starts (AppSecrets), optional.
    AppSecret.ALL.forEach(secret -> read.remove(secret.variable()));
    // Set by the Apps runtime, or by the App's `database` resource (Lakebase).
    Set<String> platform = Set.of("DATABRICKS_HOST", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET",
        "DATABRICKS_APP_PORT", "DATABRICKS_TOKEN", "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGSSLMODE");
    // Read, and deliberately left to the code's default: say why when adding one.
    Map<String, String> defaulted = Map.of(
        "DATAGENT_VECTOR_SEARCH_INDEX", "the default <catalog>.<serving>.document_embeddings_index is the optional index's name",
        "LAKEBASE_ENDPOINT", "Lakebase Autoscaling; the bundle deploys a provisioned instance (LAKEBASE_INSTANCE_NAME)",
        "DATAGENT_OTLP_TRACES_ENDPOINT", "trace export is optional; the bundle deploys no tracking server",
        "MLFLOW_TRACKING_URI", "as above",
        "DATAGENT_SMTP_STARTTLS", "STARTTLS on (port 587) is the monitor's default",
        "DATAGENT_SMTP_SSL", "implicit TLS off is the monitor's default",
        "DATAGENT_ENGINEERS", "engineers named one by one besides the engineers group; none by default",
        "DATAGENT_PROMPT_NAME", "the default prompt name (<catalog>.<serving>.datagent_system_prompt on MLflow) is the bundle's",
        "DATAGENT_PROMPT_REFRESH_SECONDS", "30 s keeps an alias change visible within the minute issue 14 asks");
    Set<String> missing = new TreeSet<>(read);
    missing.removeAll(provided);
    missing.removeAll(platform);
    missing.removeAll(defaulted.keySet());

    assertThat(missing).as("read by the App (AppMain, AppAgents, Lakebase, monitor.yml) but not set by resources/app.yml config.env")
        .isEmpty();
    assertThat(provided).as("the agent's LLM; without it the agent silently answers extractively")
        .contains("DATAGENT_LLM_ENDPOINT", "DATAGENT_EMBEDDING_ENDPOINT");
    assertThat(read).as("each default is for a variable the App really reads").containsAll(defaulted.keySet());
    assertThat(provided).doesNotContainAnyElementsOf(defaulted.keySet());
  }

  @Test
  void should_hand_the_apps_api_no_empty_value_when_deploying_each_target() {
    for (String target : bundle.targetNames()) {
      Deployed.of(bundle, target).appEnv(APP).forEach((name, value) ->
          assertThat(value).as(target + " " + name + " (the Apps API refuses an env var with an empty value)").isNotEmpty());
    }
  }

  @Test
  void should_start_the_same_command_with_the_same_values_whether_deployed_by_the_bundle_or_from_app_yaml() {
    JsonNode config = app().path("config");
    Map<String, JsonNode> configured = byName(config.path("env"));
    JsonNode yaml = appYaml();

    assertThat(config.path("command")).isEqualTo(yaml.path("command"));
    byName(yaml.path("env")).forEach((name, e) -> {
      JsonNode c = configured.get(name);
      assertThat(c).as(name + " in resources/app.yml config.env").isNotNull();
      assertThat(c.path("value_from").asText(c.path("value").asText()))
          .as(name).isEqualTo(e.path("valueFrom").asText(e.path("value").asText()));
    });
    List<Problem> problems = AppCheck.check(bundle);
    assertThat(problems).as(report(problems)).isEmpty();
  }

  @Test
  void should_list_the_app_wherever_the_bundle_rewrites_the_grants_its_resources_made_when_redeploying() {
    JsonNode resources = bundle.merged().path("resources");
    JsonNode job = resources.path("jobs").path("ingestion");
    JsonNode scope = resources.path("secret_scopes").path("datagent");
    JsonNode uploads = resources.path("volumes").path("uploads");

    assertThat(resource(app(), "ingestion-job").path("job").path("id").asText())
        .isEqualTo("${resources.jobs.ingestion.id}");
    assertThat(job.path("permissions").toString())
        .contains("{\"service_principal_name\":\"" + SERVICE_PRINCIPAL + "\",\"level\":\"CAN_MANAGE_RUN\"}");
    assertThat(scope.path("permissions").toString())
        .contains("{\"service_principal_name\":\"" + SERVICE_PRINCIPAL + "\",\"level\":\"READ\"}");
    assertThat(privileges(uploads, SERVICE_PRINCIPAL)).contains("READ_VOLUME", "WRITE_VOLUME");
    for (String schema : List.of("raw", "serving")) {
      assertThat(privileges(resources.path("schemas").path(schema), SERVICE_PRINCIPAL))
          .as("schema " + schema + ": the App lists tables and reads embeddings and the ingestion log as itself")
          .contains("USE_SCHEMA", "SELECT");
    }
  }

  @Test
  void should_require_the_cli_that_substitutes_resource_references_in_the_app_config() throws IOException {
    String guide = Files.readString(root.resolve("docs/deploying.md"));

    assertThat(bundle.merged().path("bundle").path("databricks_cli_version").asText()).isEqualTo(">= 0.297.0");
    assertThat(app().path("config").toString()).contains("${resources.schemas.serving.name}");
    assertThat(guide).contains("Databricks CLI 0.297.0 or newer").doesNotContain("0.265.0 or newer");
  }

  @Test
  void should_point_the_optional_index_at_the_embeddings_table_the_app_searches() throws IOException {
    JsonNode vectorSearch = BundleYaml.parse(Files.readString(root.resolve("resources/optional/vector_search.yml")));
    JsonNode index = vectorSearch.path("resources").path("vector_search_indexes").path("documents");
    Map<String, JsonNode> configured = byName(app().path("config").path("env"));
    String servingPrefix = configured.get("DATAGENT_CATALOG").path("value").asText() + "."
        + configured.get("DATAGENT_SERVING_SCHEMA").path("value").asText() + ".";

    assertThat(index.path("name").asText()).as("the App's default index name (DatabricksRetrievalConfig)")
        .isEqualTo(servingPrefix + "document_embeddings_index");
    assertThat(index.path("delta_sync_index_spec").path("source_table").asText())
        .isEqualTo(servingPrefix + "document_embeddings");
    assertThat(Files.readString(root.resolve("docs/deploying.md")))
        .as("a delta-sync index needs Change Data Feed on its source table")
        .contains("delta.enableChangeDataFeed");
  }

  private JsonNode app() {
    return bundle.merged().path("resources").path("apps").path(APP);
  }

  private JsonNode appYaml() {
    try {
      return BundleYaml.parse(Files.readString(root.resolve("bundle/app/app.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String source(String path) throws IOException {
    return Files.readString(root.resolve(path));
  }

  private String monitorYaml() throws IOException {
    return source("monitor/src/main/resources/io/datagent/jobmonitor/monitor.yml");
  }

  /** The environment variables monitor.yml's email and webhook settings read. */
  private Set<String> monitorVariables() throws IOException {
    JsonNode yaml = BundleYaml.parse(monitorYaml());
    Set<String> names = new TreeSet<>();
    for (String section : List.of("email", "webhook", "quality")) {
      ReferenceCheck.walk(yaml.path(section), NodePath.ROOT, (path, text) -> {
        Matcher m = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)").matcher(text);
        while (m.find()) {
          names.add(m.group(1));
        }
      });
    }
    return names;
  }

  /** Environment variable names a Java source names as string literals. */
  private static Set<String> literals(String source) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\"((?:DATAGENT|DATABRICKS|LAKEBASE|MLFLOW|OPENAI|PG)[A-Z0-9_]*)\"").matcher(source);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Map<String, JsonNode> byName(JsonNode env) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    env.forEach(e -> out.put(e.path("name").asText(), e));
    return out;
  }

  private static JsonNode resource(JsonNode app, String name) {
    for (JsonNode r : app.path("resources")) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("the App declares no resource " + name);
  }

  private static Set<String> privileges(JsonNode securable, String principal) {
    Set<String> out = new TreeSet<>();
    for (JsonNode grant : securable.path("grants")) {
      if (grant.path("principal").asText().equals(principal)) {
        grant.path("privileges").forEach(p -> out.add(p.asText()));
      }
    }
    return out;
  }
}
