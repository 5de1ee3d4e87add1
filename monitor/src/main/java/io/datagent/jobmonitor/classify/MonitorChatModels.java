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
   * {@link #fromEnv}, for a process that must start anyway: a misconfigured model is reported on stderr and the
   * monitor classifies with its rules alone (a {@link DisabledChatModel}).
   */
  public static ChatModel fromEnvOrRules(Map<String, String> env) {
    try {
      return fromEnv(env);
    } catch (RuntimeException e) {
      System.err.println("Monitor: sin modelo de lenguaje (" + e.getMessage() + "); clasifica solo con reglas");
      return new DisabledChatModel();
    }
  }

  /** The configured model, or a {@link DisabledChatModel} when none is (the classifier then uses its rules only). */
  public static ChatModel fromEnv(Map<String, String> env) {
    if ("false".equalsIgnoreCase(text(env, "DATAGENT_MONITOR_LLM"))) {
      return new DisabledChatModel();
    }
    Duration timeout = timeout(env);
    String endpoint = text(env, "DATAGENT_LLM_ENDPOINT");
    if (endpoint != null) {
      String host = text(env, "DATABRICKS_HOST");
      if (host == null) {
        throw new IllegalArgumentException("DATAGENT_LLM_ENDPOINT is set but DATABRICKS_HOST is not");
      }
      URI base = URI.create(host.startsWith("http") ? host : "https://" + host);
      DatabricksToken token = DatabricksToken.fromEnv(base, env, HttpClient.newBuilder().connectTimeout(timeout).build());
      String root = base.toString().replaceAll("/+$", "");
      return new HttpChatModel(URI.create(root + "/serving-endpoints/" + endpoint + "/invocations"), null, token, timeout);
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
    return new DisabledChatModel();
  }

  /** Whether the model answers (anything but a {@link DisabledChatModel}). */
  public static boolean enabled(ChatModel m) {
    return m != null && !(m instanceof DisabledChatModel);
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
    return m instanceof HttpChatModel h ? h.url().getHost() + h.url().getPath() : !enabled(m) ? "ninguno" : m.getClass().getSimpleName();
  }
}
