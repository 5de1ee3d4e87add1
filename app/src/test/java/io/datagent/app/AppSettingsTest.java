package io.datagent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.AgentConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSettingsTest {

  private final AgentConfig agent = AgentConfig.fromEnv(Map.of());

  @Test
  void should_require_the_forwarded_user_on_all_interfaces_when_built_for_databricks() {
    DatagentApp.Settings s = AppSettings.databricks(agent, 8000).build();

    assertThat(s.host()).isEqualTo(AppSettings.ALL_INTERFACES);
    assertThat(s.requireForwardedUser()).isTrue();
    assertThat(s.uploadPollMillis()).isEqualTo(AppSettings.UPLOAD_POLL_MILLIS_DATABRICKS);
    assertThat(s.chatLimits().maxConcurrent()).isEqualTo(AppSettings.WAITING_ANSWERS_DATABRICKS);
  }

  @Test
  void should_serve_the_demo_user_on_loopback_when_built_for_the_local_runtime() {
    DatagentApp.Settings s = AppSettings.local(agent, 0).build();

    assertThat(s.host()).isEqualTo(AppSettings.LOOPBACK);
    assertThat(s.requireForwardedUser()).isFalse();
    assertThat(s.demoUser()).isEqualTo(AppSettings.DEMO_USER);
    assertThat(s.uploadPollMillis()).isEqualTo(AppSettings.UPLOAD_POLL_MILLIS_LOCAL);
  }

  @Test
  void should_share_the_named_defaults_when_both_mains_build_their_settings() {
    DatagentApp.Settings databricks = AppSettings.databricks(agent, 8000).build();
    DatagentApp.Settings local = AppSettings.local(agent, 8080).build();

    assertThat(databricks.uploadMaxBytes()).isEqualTo(local.uploadMaxBytes()).isEqualTo(AppSettings.UPLOAD_MAX_BYTES);
    assertThat(databricks.maxConversationsPerUser()).isEqualTo(local.maxConversationsPerUser())
        .isEqualTo(AppSettings.MAX_CONVERSATIONS_PER_USER);
    assertThat(databricks.chatLimits().maxRows()).isEqualTo(local.chatLimits().maxRows()).isEqualTo(AppSettings.MAX_ROWS_SHOWN);
    assertThat(local.chatLimits().maxQuestionChars()).isLessThanOrEqualTo(AppSettings.MAX_QUESTION_CHARS);
  }

  @Test
  void should_name_the_setting_when_a_value_is_out_of_range() {
    assertThatThrownBy(() -> AppSettings.local(agent, 70_000).build()).hasMessageContaining("port");
    assertThatThrownBy(() -> AppSettings.local(agent, 0).uploadMaxBytes(0).build()).hasMessageContaining("uploadMaxBytes");
    assertThatThrownBy(() -> AppSettings.local(agent, 0).demoUser("nadie").build()).hasMessageContaining("demoUser");
  }
}
