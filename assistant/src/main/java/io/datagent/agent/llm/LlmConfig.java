package io.datagent.agent.llm;

import io.datagent.platform.Platform;
import java.time.Duration;

/**
 * Which chat model the agent talks to: any OpenAI-compatible {@code /chat/completions} server (base URL, key,
 * model), or a Databricks model serving endpoint ({@code /serving-endpoints/{name}/invocations} through the
 * platform layer, which authenticates each call).
 *
 * @param baseUrl the OpenAI-compatible base URL (ignored for Databricks)
 * @param model the model name, or the serving endpoint's name
 * @param apiKey the API key (may be null for servers that need none; ignored for Databricks)
 * @param databricks the platform of a serving endpoint's workspace, or null for an OpenAI-compatible server
 * @param temperature sampling temperature, or null for the server's default
 */
public record LlmConfig(String baseUrl, String model, String apiKey, Platform databricks, Duration timeout,
    int maxRetries, Double temperature) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public LlmConfig {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(databricks != null ? "DATAGENT_LLM_ENDPOINT is empty" : "DATAGENT_LLM_MODEL is empty");
    }
    if (databricks == null && (baseUrl == null || baseUrl.isBlank())) {
      throw new IllegalArgumentException("OPENAI_BASE_URL is empty");
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (maxRetries < 0) {
      throw new IllegalArgumentException("DATAGENT_LLM_MAX_RETRIES must be 0 or more, was " + maxRetries);
    }
  }

  public static LlmConfig openAi(String baseUrl, String apiKey, String model) {
    return new LlmConfig(baseUrl, model, apiKey, null, DEFAULT_TIMEOUT, 1, null);
  }

  public static LlmConfig databricks(Platform platform, String endpoint) {
    return new LlmConfig(null, endpoint, null, platform, DEFAULT_TIMEOUT, 1, null);
  }

  public LlmConfig withTimeout(Duration t, int retries) {
    return new LlmConfig(baseUrl, model, apiKey, databricks, t, retries, temperature);
  }

  /** A line for logs and the UI, with no secret in it. */
  public String describe() {
    return databricks != null
        ? "Databricks serving endpoint " + model + " en " + databricks.config().host()
        : "modelo " + model + " en " + baseUrl;
  }
}
