package io.datagent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundle checks fail on a broken bundle with one message that names the file, the JSON path and the mistake.
 *
 * <p>Each case under {@code src/test/resources/bundle/} is a copy of {@code valid/} with one mistake.
 */
class BrokenBundleTest {

  private final BundleChecker checker = new BundleChecker(ProjectLayout.jobsJar());

  @Test
  void should_find_no_problem_when_the_fixture_is_valid() {
    List<Problem> problems = checker.check(fixture("valid"));

    assertThat(problems).as(report(problems)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown-field               | resources/jobs.yml    | $.resources.jobs.nightly                                  | property 'max_concurent_runs' is not defined in the schema
      wrong-type                  | resources/jobs.yml    | $.resources.jobs.nightly.timeout_seconds                  | string found, integer expected (value: "two hours")
      dangling-variable           | resources/schemas.yml | $.resources.schemas.raw.catalog_name                      | ${var.catalgo} refers to variable 'catalgo', which is not declared
      dangling-resource           | resources/schemas.yml | $.resources.volumes.uploads.schema_name                   | refers to resources.schemas.rwa, which is not defined
      target-variable-type        | resources/jobs.yml    | $.resources.jobs.nightly.max_concurrent_runs              | string found, integer expected (value: "many")
      undeclared-target-variable  | databricks.yml        | $.targets.prod.variables.nodes                            | overrides variable 'nodes', which the top-level variables do not declare
      unknown-job-parameter       | resources/jobs.yml    | $.resources.jobs.nightly.tasks[0].spark_jar_task.parameters | io.datagent.ingestion.IngestJob does not accept [--sorce]
      missing-main-class          | resources/jobs.yml    | $.resources.jobs.nightly.tasks[0].spark_jar_task.main_class_name | class io.datagent.ingestion.IngestJbo is not in
      schedule-and-trigger        | resources/jobs.yml    | $.resources.jobs.nightly                                  | sets schedule and trigger, but the Jobs API accepts only one
      dangling-job-parameter      | resources/jobs.yml    | $.resources.jobs.nightly.tasks[0].spark_jar_task.parameters[5] | {{job.parameters.paralelism}} refers to job parameter 'paralelism'
      library-not-built           | resources/jobs.yml    | $.resources.jobs.nightly.tasks[0].libraries[0].jar        | local JAR ../target/app.jar is not a file any artifact builds
      app-unknown-value-from      | app/app.yaml          | $.env[1].valueFrom                                        | 'llm-endpoint' is not a resource of the App
      """)
  void should_report_one_located_problem_when_the_bundle_has_one_mistake(String fixture, String file, String path,
      String message) {
    // given a copy of the valid fixture with one mistake
    Path bundle = fixture(fixture);

    // when
    List<Problem> problems = checker.check(bundle);

    // then
    assertThat(problems).as(report(problems)).hasSize(1);
    Problem problem = problems.get(0);
    assertThat(problem.file()).as(problem.toString()).isEqualTo(file);
    assertThat(problem.path()).as(problem.toString()).isEqualTo(path);
    assertThat(problem.message()).as(problem.toString()).contains(message);
  }

  @Test
  void should_name_the_target_when_only_a_target_override_breaks_the_bundle() {
    List<Problem> problems = checker.check(fixture("target-variable-type"));

    assertThat(problems).singleElement().asString()
        .startsWith("resources/jobs.yml: $.resources.jobs.nightly.max_concurrent_runs: ")
        .endsWith("[target prod, variables substituted]");
  }

  static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(BrokenBundleTest.class.getResource("/bundle/" + name + "/databricks.yml"),
          "no fixture " + name).toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String report(List<Problem> problems) {
    return problems.size() + " problem(s):\n" + String.join("\n", problems.stream().map(Problem::toString).toList());
  }
}
