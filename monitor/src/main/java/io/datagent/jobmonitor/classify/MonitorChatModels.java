package io.datagent.jobmonitor.classify;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.DisabledChatModel;
import io.datagent.jobmonitor.databricks.DatabricksToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * The monitor's chat model, from the same variables as the assistant's: a Databricks serving endpoint
 * ({@code DATAGENT_LLM_ENDPOINT} with {@code DATABRICKS_HOST} and its credentials), else an OpenAI-compatible server
 * ({@code OPENAI_BASE_URL}, {@code DATAGENT_LLM_MODEL}, optional {@code OPENAI_API_KEY}); a {@link DisabledChatModel}
 * (rules only) when neither is set. Each process's main passes the environment it read.
 * {@code DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS} (default 20) bounds each request; {@code DATAGENT_MONITOR_LLM=false}
 * turns the stage off.
 */
public final class MonitorChatModels {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private MonitorChatModels() {}

  /**
   * {@link #create}, for a process that must start anyway: a misconfigured model is reported on stderr and the
   * monitor classifies with its rules alone (a {@link DisabledChatModel}).
   */
  public static ChatModel createOrRules(java.util.function.Supplier<MonitorLlmConfig> config) {
    try {
      return create(config.get());
    } catch (RuntimeException e) {
      System.err.println("Monitor: sin modelo de lenguaje (" + e.getMessage() + "); clasifica solo con reglas");
      return new DisabledChatModel();
    }
  }

  /** {@link #createOrRules} over the environment a main read. */
  public static ChatModel fromEnvOrRules(Map<String, String> env) {
    return createOrRules(() -> MonitorLlmConfig.fromEnv(env));
  }

  /** {@link #create} over the environment a main read. */
  public static ChatModel fromEnv(Map<String, String> env) {
    return create(MonitorLlmConfig.fromEnv(env));
  }

  /** The configured model, or a {@link DisabledChatModel} when the stage is off (the classifier uses its rules only). */
  public static ChatModel create(MonitorLlmConfig c) {
    if (!c.enabled()) {
      return new DisabledChatModel();
    }
    if (c.servingEndpoint() != null) {
      String host = c.databricksHost();
      URI base = URI.create(host.startsWith("http") ? host : "https://" + host);
      DatabricksToken token = DatabricksToken.fromEnv(base, c.databricksAuth(),
          HttpClient.newBuilder().connectTimeout(c.timeout()).build());
      String root = base.toString().replaceAll("/+$", "");
      return new HttpChatModel(URI.create(root + "/serving-endpoints/" + c.servingEndpoint() + "/invocations"), null, token,
          c.timeout());
    }
    String key = c.apiKey();
    return new HttpChatModel(URI.create(c.openAiBaseUrl().replaceAll("/+$", "") + "/chat/completions"), c.model(),
        () -> key, c.timeout());
  }

  /** Whether the model answers (anything but a {@link DisabledChatModel}). */
  public static boolean enabled(ChatModel m) {
    return m != null && !(m instanceof DisabledChatModel);
  }

  /** The LLM stage's time budget: the request timeout plus a second for the rest. */
  public static Duration budget(Map<String, String> env) {
    return MonitorLlmConfig.fromEnv(env).budget();
  }

  /** For logs: where the model is, with no secret. */
  public static String describe(ChatModel m) {
    return m instanceof HttpChatModel h ? h.url().getHost() + h.url().getPath() : !enabled(m) ? "ninguno" : m.getClass().getSimpleName();
  }
}
