package io.datagent.jobmonitor.classify;

import dev.langchain4j.model.chat.ChatModel;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The monitor's chat model, from the same variables as the assistant's: a Databricks serving endpoint
 * ({@code DATAGENT_LLM_ENDPOINT} with {@code DATABRICKS_HOST} and its credentials), else an OpenAI-compatible server
 * ({@code OPENAI_BASE_URL}, {@code DATAGENT_LLM_MODEL}, optional {@code OPENAI_API_KEY}); none when neither is set.
 * {@code DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS} (default 20) bounds each request; {@code DATAGENT_MONITOR_LLM=false}
 * turns the stage off.
 */
public final class MonitorChatModels {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private MonitorChatModels() {}

  /** The configured model, or null when no chat model is configured (the classifier then uses its rules only). */
  /**
   * {@link #fromEnv}, for a process that must start anyway: a misconfigured model is reported on stderr and the
   * monitor classifies with its rules alone (null).
   */
  public static ChatModel fromEnvOrRules(Map<String, String> env) {
    return fromEnvOrRules(env, null);
  }

  /** @param platform the process's Databricks platform, or null */
  public static ChatModel fromEnvOrRules(Map<String, String> env, Platform platform) {
    try {
      return fromEnv(env, platform);
    } catch (RuntimeException e) {
      System.err.println("Monitor: sin modelo de lenguaje (" + e.getMessage() + "); clasifica solo con reglas");
      return null;
    }
  }

  /** {@link #fromEnv(Map, Platform)} with a platform of its own when a serving endpoint is configured (CLI mains). */
  public static ChatModel fromEnv(Map<String, String> env) {
    return fromEnv(env, null);
  }

  /** @param platform the process's Databricks platform, or null to build one from env when needed */
  public static ChatModel fromEnv(Map<String, String> env, Platform platform) {
    if ("false".equalsIgnoreCase(text(env, "DATAGENT_MONITOR_LLM"))) {
      return null;
    }
    Duration timeout = timeout(env);
    String endpoint = text(env, "DATAGENT_LLM_ENDPOINT");
    if (endpoint != null) {
      if (platform == null) {
        if (!PlatformConfig.present(env)) {
          throw new IllegalArgumentException("DATAGENT_LLM_ENDPOINT is set but DATABRICKS_HOST is not");
        }
        platform = new Platform(PlatformConfig.fromEnv(env).withHttpTimeout(timeout));
      }
      return new ServingChatModel(platform.serving(), endpoint);
    }
    String baseUrl = text(env, "OPENAI_BASE_URL");
    if (baseUrl != null) {
      String model = text(env, "DATAGENT_LLM_MODEL");
      if (model == null) {
        throw new IllegalArgumentException("OPENAI_BASE_URL is set but DATAGENT_LLM_MODEL is not");
      }
      String key = text(env, "OPENAI_API_KEY");
      return new HttpChatModel(URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions"), model, () -> key, timeout);
    }
    return null;
  }

  /** The LLM stage's time budget: the request timeout plus a second for the rest. */
  public static Duration budget(Map<String, String> env) {
    return timeout(env).plusSeconds(1);
  }

  private static Duration timeout(Map<String, String> env) {
    String t = text(env, "DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS");
    if (t == null) {
      return DEFAULT_TIMEOUT;
    }
    try {
      int s = Integer.parseInt(t);
      if (s < 1) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS must be a positive integer, was " + t);
    }
  }

  private static String text(Map<String, String> env, String key) {
    String v = env.get(key);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** For logs: where the model is, with no secret. */
  public static String describe(ChatModel m) {
    return m instanceof HttpChatModel h ? h.url().getHost() + h.url().getPath()
        : m instanceof ServingChatModel s ? "serving endpoint " + s.endpoint()
        : m == null ? "ninguno" : m.getClass().getSimpleName();
  }
}
