package io.datagent.jobmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.jobmonitor.act.Action;
import io.datagent.jobmonitor.classify.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorConfigLoaderTest {

  @TempDir
  Path dir;

  @Test
  void should_load_the_shipped_policies_when_no_override_is_given() {
    MonitorConfig c = MonitorConfigLoader.load(Map.of());
    assertThat(c.policies().policy("cualquiera", null, Category.NETWORK).action()).isEqualTo(Action.RETRY);
    assertThat(c.policies().policy("datagent ingestion", 1L, Category.RESOURCE).parameters()).containsKey("parallelism");
    assertThat(c.policies().policy(null, null, Category.CANCELLED).action()).isEqualTo(Action.IGNORE);
    assertThat(c.email().to()).isEmpty();
    assertThat(c.quality().minSamples()).isEqualTo(50);
    assertThat(c.quality().maxErrorRate()).isEqualTo(0.05);
    assertThat(c.webhookSecret()).isEmpty();
  }

  @Test
  void should_take_values_from_the_environment_when_placeholders_name_them() {
    MonitorConfig c = MonitorConfigLoader.load(Map.of("DATAGENT_MONITOR_EMAIL_TO", "a@x.test, b@x.test",
        "DATAGENT_SMTP_HOST", "smtp.x.test", "DATAGENT_SMTP_PORT", "2525", "DATAGENT_OPTIMIZE_JOB_ID", "77"));
    assertThat(c.email().to()).containsExactly("a@x.test", "b@x.test");
    assertThat(c.email().smtp().port()).isEqualTo(2525);
    assertThat(c.quality().evaluationJobId()).isEqualTo(77L);
  }

  @Test
  void should_put_override_rules_first_and_merge_policies_when_an_override_file_is_set() throws Exception {
    Path f = dir.resolve("mine.yml");
    Files.writeString(f, """
        classification:
          rules:
            - {id: mi-regla, any: ["error de mi proveedor"], category: network, explanation: "El proveedor falló."}
        policies:
          jobs:
            "datagent maintenance":
              concurrency: {action: SEND_EMAIL}
        """);
    MonitorConfig c = MonitorConfigLoader.load(Map.of(MonitorConfigLoader.ENV, f.toString()));
    assertThat(c.rules().get(0).id()).isEqualTo("mi-regla");
    assertThat(c.rules()).hasSizeGreaterThan(20);
    assertThat(c.policies().policy("datagent maintenance", null, Category.CONCURRENCY).action()).isEqualTo(Action.SEND_EMAIL);
    assertThat(c.policies().policy("datagent maintenance", null, Category.NETWORK).action()).isEqualTo(Action.RETRY);
  }

  @Test
  void should_name_the_key_when_a_setting_is_misspelled() throws Exception {
    Path f = dir.resolve("typo.yml");
    Files.writeString(f, "polling:\n  intervalSecond: 5\n");
    assertThatThrownBy(() -> MonitorConfigLoader.load(Map.of(MonitorConfigLoader.ENV, f.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("polling.intervalSecond is not a known setting here")
        .hasMessageContaining("intervalSeconds");
  }

  @Test
  void should_refuse_an_unknown_category_when_a_rule_uses_one() throws Exception {
    Path f = dir.resolve("cat.yml");
    Files.writeString(f, "classification:\n  rules:\n    - {id: x, any: [\"boom\"], category: memoria}\n");
    assertThatThrownBy(() -> MonitorConfigLoader.load(Map.of(MonitorConfigLoader.ENV, f.toString())))
        .hasMessageContaining("classification.rules[0]").hasMessageContaining("'memoria' is not a category");
  }

  @Test
  void should_refuse_a_bad_regex_and_a_bad_action_when_validating() throws Exception {
    Path f = dir.resolve("re.yml");
    Files.writeString(f, "classification:\n  rules:\n    - {id: x, regex: \"([a-z\", category: data}\n");
    assertThatThrownBy(() -> MonitorConfigLoader.load(Map.of(MonitorConfigLoader.ENV, f.toString())))
        .hasMessageContaining("classification.rules[0].regex is not a valid Java regex");
    Path g = dir.resolve("act.yml");
    Files.writeString(g, "policies:\n  defaults:\n    data: {action: REZAR}\n");
    assertThatThrownBy(() -> MonitorConfigLoader.load(Map.of(MonitorConfigLoader.ENV, g.toString())))
        .hasMessageContaining("policies.defaults.data").hasMessageContaining("'REZAR' is not an action");
  }

  @Test
  void should_refuse_parameters_when_the_action_does_not_change_them() throws Exception {
    Path f = dir.resolve("p.yml");
    Files.writeString(f, "policies:\n  defaults:\n    resource: {action: RETRY, parameters: {parallelism: {op: halve}}}\n");
    assertThatThrownBy(() -> MonitorConfigLoader.load(Map.of(MonitorConfigLoader.ENV, f.toString())))
        .hasMessageContaining("policies.defaults.resource.parameters only apply to action RETRY_WITH_NEW_PARAMS");
  }

  @Test
  void should_say_which_variable_is_missing_when_a_placeholder_has_no_default() throws Exception {
    Path f = dir.resolve("env.yml");
    Files.writeString(f, "email:\n  to: \"${EQUIPO_DATOS}\"\n");
    assertThatThrownBy(() -> MonitorConfigLoader.load(Map.of(MonitorConfigLoader.ENV, f.toString())))
        .hasMessageContaining("email.to needs environment variable EQUIPO_DATOS");
  }
}
