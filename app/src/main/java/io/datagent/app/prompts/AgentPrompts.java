package io.datagent.app.prompts;

import com.databricks.sdk.core.ApiClient;
import io.datagent.agent.prompt.PromptSource;
import io.datagent.agent.prompt.SystemPrompt;
import io.datagent.agent.prompt.registry.AliasedPromptSource;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.app.web.PromptRoutes;
import io.datagent.app.web.RouteRegistrar;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The agent's system prompt as the App serves it: one registry (PostgreSQL, or MLflow's Prompt Registry in Unity
 * Catalog), the {@code production} alias read again every {@code refresh}, the bundled file as the seed of an empty
 * registry, the audit and scores in the state database, and the Monitor page's routes.
 */
public final class AgentPrompts {

  /** Where the prompt lives and how often the App looks at its production alias. */
  public record Config(String registry, String name, Duration refresh) {

    public static final String POSTGRES = "postgres";
    public static final String MLFLOW = "mlflow";

    public Config {
      if (!POSTGRES.equals(registry) && !MLFLOW.equals(registry)) {
        throw new IllegalArgumentException("DATAGENT_PROMPT_REGISTRY debe ser postgres o mlflow, no " + registry);
      }
      if (refresh.isNegative() || refresh.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("DATAGENT_PROMPT_REFRESH_SECONDS debe estar entre 0 y 60 (el cambio de alias "
            + "debe verse en menos de un minuto)");
      }
    }

    /**
     * DATAGENT_PROMPT_REGISTRY ({@code postgres} by default), DATAGENT_PROMPT_NAME (for MLflow a Unity Catalog name,
     * by default {@code <catalog>.<schema>.datagent_system_prompt}), DATAGENT_PROMPT_REFRESH_SECONDS (30).
     */
    public static Config fromEnv(Map<String, String> env, String catalog, String schema) {
      String registry = env.getOrDefault("DATAGENT_PROMPT_REGISTRY", POSTGRES).strip().toLowerCase(Locale.ROOT);
      String fallback = MLFLOW.equals(registry) ? catalog + "." + schema + ".datagent_system_prompt" : "datagent_system_prompt";
      String name = env.getOrDefault("DATAGENT_PROMPT_NAME", fallback).strip();
      long seconds = Long.parseLong(env.getOrDefault("DATAGENT_PROMPT_REFRESH_SECONDS", "30").strip());
      return new Config(registry, name, Duration.ofSeconds(seconds));
    }
  }

  private final PromptRegistry registry;
  private final PromptSource source;
  private final PromptVersions versions;

  public AgentPrompts(PromptRegistry registry, DataSource state, Config config, Clock clock) {
    this.registry = registry;
    PromptAliasLog log = new PromptAliasLog(state);
    PromptSeed seed = PromptSeed.bundled(registry, config.name(), log);
    this.source = new AliasedPromptSource(registry, seed, PromptRegistry.PRODUCTION, config.refresh(), clock,
        SystemPrompt.bundled());
    this.versions = new PromptVersions(registry, seed, log, new PromptScores(state));
  }

  /** The App's prompts on the registry the config names; {@code mlflow} is asked for only then (Databricks). */
  public static AgentPrompts of(Config config, DataSource state, Supplier<ApiClient> mlflow, Clock clock) {
    PromptRegistry registry = Config.MLFLOW.equals(config.registry())
        ? new MlflowPromptRegistry(new MlflowPromptApi(mlflow.get()), clock)
        : new PostgresPromptRegistry(state, clock);
    return new AgentPrompts(registry, state, config, clock);
  }

  /** What the agent answers with: the production version, refreshed. */
  public PromptSource source() {
    return source;
  }

  /** The registry itself (jobs and tools register new versions through it). */
  public PromptRegistry registry() {
    return registry;
  }

  public PromptVersions versions() {
    return versions;
  }

  /** The Monitor page's routes ({@code /api/monitor/prompts}). */
  public RouteRegistrar routes() {
    return new PromptRoutes(versions);
  }
}
