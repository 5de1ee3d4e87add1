package io.datagent.jobmonitor.classify;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.DisabledChatModel;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The monitor's chat model, from the same variables as the assistant's (read by a main into a
 * {@link MonitorLlmConfig}): a Databricks serving endpoint through the platform layer, else an OpenAI-compatible
 * server; a {@link DisabledChatModel} when neither is configured or the stage is turned off.
 */
public final class MonitorChatModels {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private MonitorChatModels() {}

  /**
   * {@link #create}, for a process that must start anyway: a misconfigured model is reported on stderr and the
   * monitor classifies with its rules alone (a {@link DisabledChatModel}).
   *
   * @param platform the process's Databricks platform, or null to build one from the config when needed
   */
  public static ChatModel createOrRules(java.util.function.Supplier<MonitorLlmConfig> config, Platform platform) {
    try {
      return create(config.get(), platform);
    } catch (RuntimeException e) {
      System.err.println("Monitor: sin modelo de lenguaje (" + e.getMessage() + "); clasifica solo con reglas");
      return new DisabledChatModel();
    }
  }

  /** {@link #createOrRules} over the environment a main read. */
  public static ChatModel fromEnvOrRules(Map<String, String> env) {
    return createOrRules(() -> MonitorLlmConfig.fromEnv(env), null);
  }

  /** {@link #createOrRules} over the environment a main read, with the process's platform (or null). */
  public static ChatModel fromEnvOrRules(Map<String, String> env, Platform platform) {
    return createOrRules(() -> MonitorLlmConfig.fromEnv(env), platform);
  }

  /** {@link #create} over the environment a main read. */
  public static ChatModel fromEnv(Map<String, String> env) {
    return create(MonitorLlmConfig.fromEnv(env), null);
  }

  /**
   * The configured model, or a {@link DisabledChatModel} when the stage is off (the classifier uses its rules only).
   *
   * @param platform the process's Databricks platform, or null to build one from the config's DATABRICKS_* values
   */
  public static ChatModel create(MonitorLlmConfig c, Platform platform) {
    if (!c.enabled()) {
      return new DisabledChatModel();
    }
    if (c.servingEndpoint() != null) {
      Platform p = platform != null ? platform
          : new Platform(PlatformConfig.fromEnv(c.databricksAuth()).withHttpTimeout(c.timeout()));
      return new ServingChatModel(p.serving(), c.servingEndpoint());
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
    return m instanceof HttpChatModel h ? h.url().getHost() + h.url().getPath()
        : m instanceof ServingChatModel s ? "serving endpoint " + s.endpoint()
        : !enabled(m) ? "ninguno" : m.getClass().getSimpleName();
  }
}
