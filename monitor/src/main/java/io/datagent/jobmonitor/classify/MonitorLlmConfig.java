package io.datagent.jobmonitor.classify;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monitor's LLM stage, as a process's main read it: off, a Databricks serving endpoint, or an OpenAI-compatible
 * server. {@link #fromEnv} validates at startup and names the variable at fault; {@link MonitorChatModels#create}
 * builds the model from it, never reading the environment itself.
 *
 * @param servingEndpoint DATAGENT_LLM_ENDPOINT (with {@code databricksHost}), or null
 * @param openAiBaseUrl OPENAI_BASE_URL (with {@code model} and an optional {@code apiKey}), or null
 * @param databricksAuth the DATABRICKS_* variables the workspace token is made from (the platform layer's input)
 */
public record MonitorLlmConfig(boolean enabled, String servingEndpoint, String databricksHost, String openAiBaseUrl,
    String model, String apiKey, Duration timeout, Map<String, String> databricksAuth) {

  /** The stage turned off: the classifier uses its rules alone. */
  public static MonitorLlmConfig off() {
    return new MonitorLlmConfig(false, null, null, null, null, null, MonitorChatModels.DEFAULT_TIMEOUT, Map.of());
  }

  /**
   * From the variables the assistant's model uses: DATAGENT_LLM_ENDPOINT and DATABRICKS_HOST, else OPENAI_BASE_URL,
   * DATAGENT_LLM_MODEL and OPENAI_API_KEY; DATAGENT_MONITOR_LLM=false turns it off and
   * DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS (default 20) bounds each request.
   */
  public static MonitorLlmConfig fromEnv(Map<String, String> env) {
    Duration timeout = timeout(text(env, "DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS"));
    Map<String, String> auth = new TreeMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith("DATABRICKS_")) {
        auth.put(k, v);
      }
    });
    String endpoint = text(env, "DATAGENT_LLM_ENDPOINT");
    String baseUrl = text(env, "OPENAI_BASE_URL");
    if ("false".equalsIgnoreCase(text(env, "DATAGENT_MONITOR_LLM")) || (endpoint == null && baseUrl == null)) {
      return new MonitorLlmConfig(false, null, null, null, null, null, timeout, Map.of());
    }
    if (endpoint != null && text(env, "DATABRICKS_HOST") == null) {
      throw new IllegalArgumentException("DATAGENT_LLM_ENDPOINT is set but DATABRICKS_HOST is not");
    }
    if (endpoint == null && text(env, "DATAGENT_LLM_MODEL") == null) {
      throw new IllegalArgumentException("OPENAI_BASE_URL is set but DATAGENT_LLM_MODEL is not");
    }
    return new MonitorLlmConfig(true, endpoint, text(env, "DATABRICKS_HOST"), endpoint == null ? baseUrl : null,
        text(env, "DATAGENT_LLM_MODEL"), text(env, "OPENAI_API_KEY"), timeout, Map.copyOf(auth));
  }

  /** The LLM stage's time budget: the request timeout plus a second for the rest. */
  public Duration budget() {
    return timeout.plusSeconds(1);
  }

  /** No secret: the key and the workspace credentials are left out. */
  @Override
  public String toString() {
    return "MonitorLlmConfig[enabled=" + enabled + ", servingEndpoint=" + servingEndpoint + ", openAiBaseUrl="
        + openAiBaseUrl + ", model=" + model + ", timeout=" + timeout + "]";
  }

  private static Duration timeout(String t) {
    if (t == null) {
      return MonitorChatModels.DEFAULT_TIMEOUT;
    }
    try {
      int s = Integer.parseInt(t);
      if (s >= 1) {
        return Duration.ofSeconds(s);
      }
    } catch (NumberFormatException e) {
      // refused below with the key
    }
    throw new IllegalArgumentException("DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS must be a positive integer, was " + t);
  }

  private static String text(Map<String, String> env, String key) {
    String v = env.get(key);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
