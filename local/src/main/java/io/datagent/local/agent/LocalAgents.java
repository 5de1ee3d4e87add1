package io.datagent.local.agent;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.catalog.CachedTableCatalog;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.local.LocalRuntime;
import io.datagent.retrieval.Retriever;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent of the local runtime: SQL and the catalog on Spark local ({@link SparkSqlExecutor},
 * {@link SparkTableCatalog}), configuration from the environment ({@link AgentConfig#fromEnv}: no model unless
 * OPENAI_BASE_URL or DATAGENT_LLM_ENDPOINT is set; SQL timeout 120 s unless DATAGENT_SQL_TIMEOUT_SECONDS is set).
 * Used by {@code ./agent ask} and by the local App.
 */
public final class LocalAgents {

  /** The default statement timeout locally (a cold Spark session on a busy laptop takes tens of seconds). */
  static final Duration LOCAL_SQL_TIMEOUT = Duration.ofSeconds(120);

  private LocalAgents() {}

  public static Agent create(LocalRuntime runtime, Map<String, String> env, Retriever retriever) {
    return create(runtime, env, retriever, null);
  }

  /** As {@link #create(LocalRuntime, Map, Retriever)}, the model answering with {@code prompts} (null: the bundled file). */
  public static Agent create(LocalRuntime runtime, Map<String, String> env, Retriever retriever,
      io.datagent.agent.prompt.PromptSource prompts) {
    return create(runtime, env, retriever, prompts, () -> io.datagent.agent.semantic.CompilerTuning.DEFAULT);
  }

  /** As {@link #create(LocalRuntime, Map, Retriever, io.datagent.agent.prompt.PromptSource)}, compiling with {@code compiler}'s tuning. */
  public static Agent create(LocalRuntime runtime, Map<String, String> env, Retriever retriever,
      io.datagent.agent.prompt.PromptSource prompts, java.util.function.Supplier<io.datagent.agent.semantic.CompilerTuning> compiler) {
    AgentConfig config = config(env);
    return QueryUser.scoped(AgentFactory.create(config, retriever, catalog(runtime, config), executor(runtime, env),
        prompts, semanticModels(runtime), io.datagent.agent.trusted.TrustedQueries.NONE, compiler));
  }

  /** The agent's configuration locally: the environment's, with a longer statement timeout unless one is set. */
  public static AgentConfig config(Map<String, String> env) {
    AgentConfig config = AgentConfig.fromEnv(env);
    if (!env.containsKey("DATAGENT_SQL_TIMEOUT_SECONDS")) {
      config = config.withSqlTimeout(LOCAL_SQL_TIMEOUT); // Spark local is slow on its first queries
    }
    return config;
  }

  /** The synonym learner over the workspace's tables and semantic models (the optimisation's). */
  public static io.datagent.agent.semantic.SynonymLearner learner(LocalRuntime runtime, Map<String, String> env) {
    AgentConfig config = config(env);
    return io.datagent.agent.semantic.SynonymLearner.over(config, catalog(runtime, config), executor(runtime, env),
        semanticModels(runtime));
  }

  /**
   * The semantic models IngestJob keeps under the uploads Volume ({@code _semantica/modelos/<table>.yaml}, see
   * {@link io.datagent.ingestion.semantic.SemanticConfig}).
   */
  public static io.datagent.agent.semantic.SemanticModelSource semanticModels(LocalRuntime runtime) {
    return io.datagent.agent.semantic.SemanticModelSource.directory(runtime.workspace().uploads()
        .resolve(io.datagent.ingestion.semantic.SemanticConfig.FOLDER).resolve(io.datagent.ingestion.semantic.SemanticConfig.MODELS));
  }

  /** The SQL port with the default limits ({@link SparkSqlExecutor.Limits#defaults()}). */
  public static SqlExecutor executor(LocalRuntime runtime) {
    return executor(runtime, Map.of());
  }

  /**
   * The SQL port with its limits from the environment ({@link SparkSqlExecutor.Limits#fromEnv}): the bound of row
   * pairs of cross joins (DATAGENT_SQL_MAX_CROSS_PAIRS), statements per user (DATAGENT_SQL_MAX_PER_USER, 2) and in
   * all (DATAGENT_SQL_MAX_CONCURRENT, max(4, cores)). Wrap the agent with {@link QueryUser#scoped} so each request's
   * statements count for its user.
   */
  public static SqlExecutor executor(LocalRuntime runtime, Map<String, String> env) {
    return new SparkSqlExecutor(runtime::spark, runtime.workspace().tables(), SparkSqlExecutor.Limits.fromEnv(env));
  }

  /** The workspace's readable tables (the policy's schemas, default first), cached for ten minutes. */
  public static TableCatalog catalog(LocalRuntime runtime, AgentConfig config) {
    List<String> schemas = new ArrayList<>(config.sqlPolicy().allowedSchemas());
    schemas.remove(config.sqlPolicy().defaultSchema());
    schemas.add(0, config.sqlPolicy().defaultSchema());
    return new CachedTableCatalog(new SparkTableCatalog(runtime::spark, schemas), Duration.ofMinutes(10));
  }
}
