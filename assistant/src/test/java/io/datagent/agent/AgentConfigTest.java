package io.datagent.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.extractive.ExtractiveAgent;
import io.datagent.agent.llm.LlmAgent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;

class AgentConfigTest {

  @Test
  void should_be_extractive_with_serving_only_when_environment_is_empty() {
    AgentConfig c = AgentConfig.fromEnv(Map.of());

    assertThat(c.llm()).isNull();
    assertThat(c.mode()).isEqualTo("extractive");
    assertThat(c.sqlPolicy().allowedSchemas()).containsExactly("serving");
    assertThat(c.sqlPolicy().maxRows()).isEqualTo(200);
    assertThat(AgentFactory.create(c, r -> java.util.List.of(), Fixtures.catalog(), Fixtures.RecordingExecutor.always(null)))
        .isInstanceOf(io.datagent.agent.semantic.SemanticAgent.class);
  }

  @Test
  void should_use_openai_compatible_model_when_base_url_and_model_are_set() {
    AgentConfig c = AgentConfig.fromEnv(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:1/v1", "OPENAI_API_KEY", "k",
        "DATAGENT_LLM_MODEL", "gpt-x", "DATAGENT_SQL_ALLOW_RAW", "true", "DATAGENT_SQL_MAX_ROWS", "50"));

    assertThat(c.llm().describe()).isEqualTo("modelo gpt-x en http://127.0.0.1:1/v1");
    assertThat(c.sqlPolicy().allowedSchemas()).containsExactlyInAnyOrder("serving", "raw");
    assertThat(c.sqlPolicy().maxRows()).isEqualTo(50);
    assertThat(AgentFactory.create(c, r -> java.util.List.of(), Fixtures.catalog(), Fixtures.RecordingExecutor.always(null)))
        .isInstanceOf(LlmAgent.class);
  }

  @Test
  void should_use_databricks_serving_endpoint_when_endpoint_and_host_are_set() {
    AgentConfig c = AgentConfig.fromEnv(Map.of("DATAGENT_LLM_ENDPOINT", "databricks-meta-llama", "DATABRICKS_HOST",
        "adb-1.azuredatabricks.net", "DATABRICKS_CLIENT_ID", "id", "DATABRICKS_CLIENT_SECRET", "secret"));

    assertThat(c.llm().describe()).isEqualTo("Databricks serving endpoint databricks-meta-llama en https://adb-1.azuredatabricks.net");
  }

  @Test
  void should_name_the_variable_when_a_value_is_wrong_or_missing() {
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("DATAGENT_SQL_MAX_ROWS", "mucho")))
        .hasMessageContaining("DATAGENT_SQL_MAX_ROWS");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("OPENAI_BASE_URL", "http://x"))).hasMessageContaining("DATAGENT_LLM_MODEL");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("DATAGENT_LLM_ENDPOINT", "e"))).hasMessageContaining("DATABRICKS_HOST");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("DATAGENT_LLM_ENDPOINT", "e", "DATABRICKS_HOST", "h")))
        .hasMessageContaining("DATABRICKS_CLIENT_ID");
    Platform noWarehouse = new Platform(PlatformConfig.pat("h", "t"));
    assertThatThrownBy(() -> AgentFactory.databricks(Map.of(), noWarehouse, r -> java.util.List.of()))
        .hasMessageContaining("DATAGENT_CATALOG");
    assertThatThrownBy(() -> AgentFactory.databricks(Map.of("DATAGENT_CATALOG", "main"), noWarehouse, r -> java.util.List.of()))
        .hasMessageContaining("DATABRICKS_WAREHOUSE_ID");
  }
}
