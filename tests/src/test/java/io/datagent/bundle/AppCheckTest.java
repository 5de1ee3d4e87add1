package io.datagent.bundle;

import static io.datagent.bundle.BrokenBundleTest.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The App checks on small bundles written here: an App configured both in the bundle ({@code config}) and in its
 * {@code app.yaml}, each case with one mistake, reported once with its file and path.
 */
class AppCheckTest {

  private static final String MAIN = """
      bundle: {name: t}
      include: [resources/*.yml]
      variables:
        smtp_host: {default: smtp.example.com}
      targets:
        dev: {mode: development, default: true}
        prod:
          mode: production
          variables: {smtp_host: "%s"}
      """;
  private static final String APP = """
      resources:
        apps:
          web:
            name: web
            source_code_path: ../app
            config:
              command: [python, app.py]
              env:
                - {name: WAREHOUSE_ID, value_from: warehouse}
                - {name: API_KEY, value_from: api-key}
                - {name: SMTP_HOST, value: "${var.smtp_host}"}
                - {name: DEPLOYER, value: "${resources.apps.web.service_principal_client_id}"}
            resources:
              - name: warehouse
                sql_warehouse: {id: abc, permission: CAN_USE}
              - name: api-key
                secret: {scope: s, key: k, permission: READ}
      """;
  private static final String APP_YAML = """
      command: [python, app.py]
      env:
        - {name: WAREHOUSE_ID, valueFrom: warehouse}
        - {name: API_KEY, valueFrom: api-key}
      """;

  @TempDir
  Path dir;

  @Test
  void should_find_no_problem_when_app_yaml_repeats_part_of_the_bundle_config() throws IOException {
    List<Problem> problems = check(MAIN.formatted("smtp.example.com"), APP, APP_YAML);

    assertThat(problems).as(report(problems)).isEmpty();
  }

  @Test
  void should_report_a_config_value_from_that_names_no_resource_of_the_app() throws IOException {
    List<Problem> problems = check(MAIN.formatted("x"), APP.replace("value_from: warehouse", "value_from: warehous"),
        APP_YAML.replace("valueFrom: warehouse", "valueFrom: warehous"));

    assertThat(problems).as(report(problems)).extracting(Problem::toString).containsExactly(
        "resources/app.yml: $.resources.apps.web.config.env[0].value_from: 'warehous' is not a resource of the App "
            + "(resources/app.yml $.resources.apps.web declares [warehouse, api-key])",
        "app/app.yaml: $.env[0].valueFrom: 'warehous' is not a resource of the App "
            + "(resources/app.yml $.resources.apps.web declares [warehouse, api-key])");
  }

  @Test
  void should_report_app_yaml_when_it_disagrees_with_the_bundle_config() throws IOException {
    List<Problem> problems = check(MAIN.formatted("x"), APP,
        APP_YAML + "  - {name: CATALOG, value: main}\n  - {name: SMTP_HOST, value: smtp.example.com}\n");

    assertThat(problems).as(report(problems)).extracting(Problem::toString).containsExactly(
        "app/app.yaml: $.env[2]: CATALOG is not in resources/app.yml $.resources.apps.web.config.env; "
            + "the bundle's deployments would run without it",
        "app/app.yaml: $.env[3]: SMTP_HOST is value \"smtp.example.com\" here but value \"${var.smtp_host}\" in "
            + "resources/app.yml $.resources.apps.web.config.env");
  }

  @Test
  void should_report_app_yaml_when_it_starts_another_command() throws IOException {
    List<Problem> problems = check(MAIN.formatted("x"), APP, APP_YAML.replace("app.py]", "main.py]"));

    assertThat(problems).singleElement().asString()
        .startsWith("app/app.yaml: $.command: differs from resources/app.yml $.resources.apps.web.config.command");
  }

  @Test
  void should_report_a_secret_resource_that_no_variable_reads() throws IOException {
    List<Problem> problems = check(MAIN.formatted("x"),
        APP.replace("          - {name: API_KEY, value_from: api-key}\n", ""),
        APP_YAML.replace("  - {name: API_KEY, valueFrom: api-key}\n", ""));

    assertThat(problems).singleElement().asString().isEqualTo("resources/app.yml: $.resources.apps.web.resources[1]: "
        + "secret resource 'api-key' is read by no env entry (value_from: api-key), so the App is granted READ for nothing");
  }

  @Test
  void should_report_the_target_whose_variables_leave_an_app_variable_empty() throws IOException {
    List<Problem> problems = check(MAIN.formatted(""), APP, APP_YAML);

    assertThat(problems).singleElement().asString()
        .startsWith("resources/app.yml: $.resources.apps.web.config.env[2].value: SMTP_HOST is empty here; "
            + "the Apps API refuses an env var without a value")
        .endsWith("[target prod]");
  }

  @Test
  void should_report_an_app_field_the_platform_never_fills_in() throws IOException {
    List<Problem> problems = check(MAIN.formatted("x"),
        APP.replace("web.service_principal_client_id", "web.service_principal_secret"), APP_YAML);

    assertThat(problems).singleElement().asString()
        .contains("${resources.apps.web.service_principal_secret}: resources.apps.web does not set "
            + "'service_principal_secret'");
  }

  private List<Problem> check(String main, String app, String appYaml) throws IOException {
    Files.writeString(dir.resolve("databricks.yml"), main);
    Files.createDirectories(dir.resolve("resources"));
    Files.writeString(dir.resolve("resources/app.yml"), app);
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/app.yaml"), appYaml);
    return new BundleChecker(ProjectLayout.jobsJar()).check(dir);
  }
}
