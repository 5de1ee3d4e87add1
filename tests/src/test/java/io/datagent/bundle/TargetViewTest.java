package io.datagent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target's view merges its overrides the way the Databricks CLI does. */
class TargetViewTest {

  @TempDir
  Path dir;

  @Test
  void should_merge_maps_fold_tasks_by_key_and_replace_run_as_when_a_target_overrides_them() throws IOException {
    // given
    Files.writeString(dir.resolve("databricks.yml"), """
        bundle: {name: t}
        run_as: {user_name: a@example.com}
        resources:
          jobs:
            j:
              name: j
              tags: {team: data}
              tasks:
                - {task_key: a, max_retries: 1, timeout_seconds: 60}
        targets:
          prod:
            run_as: {service_principal_name: sp}
            resources:
              jobs:
                j:
                  tags: {env: prod}
                  tasks:
                    - {task_key: a, max_retries: 3}
                    - {task_key: b}
        """);

    // when
    JsonNode job = TargetView.of(Bundle.load(dir), "prod").config().path("resources").path("jobs").path("j");
    JsonNode runAs = TargetView.of(Bundle.load(dir), "prod").config().path("run_as");

    // then
    assertThat(job.path("tags").toString()).isEqualTo("{\"team\":\"data\",\"env\":\"prod\"}");
    assertThat(job.path("tasks").toString())
        .isEqualTo("[{\"task_key\":\"a\",\"max_retries\":3,\"timeout_seconds\":60},{\"task_key\":\"b\"}]");
    assertThat(runAs.toString()).isEqualTo("{\"service_principal_name\":\"sp\"}");
  }

  @Test
  void should_substitute_typed_values_when_a_target_overrides_variables() throws IOException {
    // given
    Files.writeString(dir.resolve("databricks.yml"), """
        bundle: {name: t}
        variables:
          workers: {default: 1}
          node: {default: small}
          cluster:
            type: complex
            default: {node_type_id: "${var.node}", num_workers: "${var.workers}"}
          warehouse:
            lookup: {warehouse: Starter}
        resources:
          jobs:
            j:
              name: "${bundle.name}-${bundle.target}"
              job_clusters:
                - {job_cluster_key: c, new_cluster: "${var.cluster}"}
        targets:
          prod:
            variables:
              workers: 4
              node: {default: large}
              warehouse: abc
        """);
    TargetView prod = TargetView.of(Bundle.load(dir), "prod");

    // when
    JsonNode resolved = new VariableResolver(prod).resolve();

    // then
    JsonNode job = resolved.path("resources").path("jobs").path("j");
    assertThat(job.path("name").asText()).isEqualTo("t-prod");
    assertThat(job.path("job_clusters").path(0).path("new_cluster").toString())
        .isEqualTo("{\"node_type_id\":\"large\",\"num_workers\":4}");
    assertThat(prod.variables().get("warehouse").asText()).isEqualTo("abc");
    assertThat(prod.requiredAtDeploy()).isEmpty();
  }

  @Test
  void should_read_yaml_as_the_cli_does_when_values_look_like_yaml_1_1_types() {
    JsonNode doc = BundleYaml.parse("""
        base: &base {a: 1}
        merged: {<<: *base, b: 2}
        word: on
        date: 2024-01-01
        flag: true
        """);

    assertThat(doc.path("merged").toString()).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(doc.path("word").isTextual()).isTrue();
    assertThat(doc.path("date").asText()).isEqualTo("2024-01-01");
    assertThat(doc.path("flag").isBoolean()).isTrue();
  }
}
