package io.datagent.agent;

import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.agent.llm.LlmConfig;
import io.datagent.agent.sql.SqlPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the agent is configured with; {@link #fromEnv} reads it from environment variables (see the README's
 * agent section), naming the offending variable when a value is wrong.
 *
 * @param llm the chat model, or null for extractive answers only
 * @param sqlPolicy what SQL may run (schemas, catalog, row limit)
 * @param sqlTimeout how long one statement may run
 * @param maxSqlAttempts failed statements allowed per answer before the model must answer without more SQL
 * @param maxToolCalls tool calls allowed per answer
 * @param maxQuestionChars longer questions are refused
 * @param promptBudget the system message's maximum size in tokens (instructions + schema cards)
 * @param maxHistoryTurns earlier turns sent to the model
 * @param systemPromptFile an override of the bundled system prompt, reloaded when it changes, or null
 */
public record AgentConfig(LlmConfig llm, SqlPolicy sqlPolicy, Duration sqlTimeout, int maxSqlAttempts, int maxToolCalls,
    int maxQuestionChars, int promptBudget, int maxHistoryTurns, Path systemPromptFile) {

  /** The local default: no model, schema {@code serving}, 200 rows, 30 s. */
  public static AgentConfig defaults() {
    return new AgentConfig(null, SqlPolicy.servingOnly(), Duration.ofSeconds(30), 3, 8, 4000, 4000, 6, null);
  }

  public AgentConfig withLlm(LlmConfig newLlm) {
    return new AgentConfig(newLlm, sqlPolicy, sqlTimeout, maxSqlAttempts, maxToolCalls, maxQuestionChars, promptBudget,
        maxHistoryTurns, systemPromptFile);
  }

  public AgentConfig withSqlPolicy(SqlPolicy policy) {
    return new AgentConfig(llm, policy, sqlTimeout, maxSqlAttempts, maxToolCalls, maxQuestionChars, promptBudget,
        maxHistoryTurns, systemPromptFile);
  }

  public AgentConfig withSqlTimeout(Duration timeout) {
    return new AgentConfig(llm, sqlPolicy, timeout, maxSqlAttempts, maxToolCalls, maxQuestionChars, promptBudget,
        maxHistoryTurns, systemPromptFile);
  }

  /** {@code "llm"} or {@code "extractive"}. */
  public String mode() {
    return llm == null ? AgentAnswer.EXTRACTIVE : AgentAnswer.LLM;
  }

  public static AgentConfig fromEnv(Map<String, String> env) {
    return fromEnv(env, null);
  }

  /**
   * @param platform the process's Databricks platform, used for a serving endpoint ({@code DATAGENT_LLM_ENDPOINT});
   *     null to build one from env when needed
   */
  public static AgentConfig fromEnv(Map<String, String> env, Platform platform) {
    Env e = new Env(env);
    String servingSchema = e.text("DATAGENT_SERVING_SCHEMA", "serving");
    Set<String> schemas = new LinkedHashSet<>(Set.of(servingSchema));
    if (e.flag("DATAGENT_SQL_ALLOW_RAW")) {
      schemas.add(e.text("DATAGENT_RAW_SCHEMA", "raw"));
    }
    SqlPolicy policy = new SqlPolicy(schemas, servingSchema, e.text("DATAGENT_CATALOG", null),
        e.positive("DATAGENT_SQL_MAX_ROWS", SqlPolicy.DEFAULT_MAX_ROWS), SqlPolicy.DEFAULT_MAX_LENGTH);
    String prompt = e.text("DATAGENT_SYSTEM_PROMPT", null);
    return new AgentConfig(llm(e, platform), policy, Duration.ofSeconds(e.positive("DATAGENT_SQL_TIMEOUT_SECONDS", 30)),
        e.positive("DATAGENT_SQL_MAX_ATTEMPTS", 3), e.positive("DATAGENT_MAX_TOOL_CALLS", 8),
        e.positive("DATAGENT_MAX_QUESTION_CHARS", 4000), e.positive("DATAGENT_PROMPT_BUDGET", 4000),
        e.positive("DATAGENT_MAX_HISTORY_TURNS", 6), prompt == null ? null : Path.of(prompt));
  }

  private static LlmConfig llm(Env e, Platform platform) {
    Duration timeout = Duration.ofSeconds(e.positive("DATAGENT_LLM_TIMEOUT_SECONDS", 60));
    int retries = e.nonNegative("DATAGENT_LLM_MAX_RETRIES", 1);
    Double temperature = e.decimal("DATAGENT_LLM_TEMPERATURE");
    String endpoint = e.text("DATAGENT_LLM_ENDPOINT", null);
    if (endpoint != null) {
      if (platform == null) {
        if (!PlatformConfig.present(e.env)) {
          throw new IllegalArgumentException("DATAGENT_LLM_ENDPOINT is set but DATABRICKS_HOST is not");
        }
        platform = new Platform(PlatformConfig.fromEnv(e.env));
      }
      return new LlmConfig(null, endpoint, null, platform, timeout, retries, temperature);
    }
    String base = e.text("OPENAI_BASE_URL", null);
    if (base != null) {
      String model = e.text("DATAGENT_LLM_MODEL", null);
      if (model == null) {
        throw new IllegalArgumentException("OPENAI_BASE_URL is set but DATAGENT_LLM_MODEL is not");
      }
      return new LlmConfig(base, model, e.text("OPENAI_API_KEY", null), null, timeout, retries, temperature);
    }
    return null;
  }

  /** Typed reads of the environment that name the variable on bad input. */
  private record Env(Map<String, String> env) {

    String text(String key, String dflt) {
      String v = env.get(key);
      return v == null || v.isBlank() ? dflt : v.strip();
    }

    boolean flag(String key) {
      String v = text(key, "false");
      return v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes");
    }

    int positive(String key, int dflt) {
      int v = integer(key, dflt);
      if (v < 1) {
        throw new IllegalArgumentException(key + " must be a positive integer, was " + v);
      }
      return v;
    }

    int nonNegative(String key, int dflt) {
      int v = integer(key, dflt);
      if (v < 0) {
        throw new IllegalArgumentException(key + " must be 0 or more, was " + v);
      }
      return v;
    }

    Double decimal(String key) {
      String v = text(key, null);
      try {
        return v == null ? null : Double.valueOf(v);
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException(key + " must be a number, was '" + v + "'");
      }
    }

    private int integer(String key, int dflt) {
      String v = text(key, null);
      try {
        return v == null ? dflt : Integer.parseInt(v);
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'");
      }
    }
  }
}
