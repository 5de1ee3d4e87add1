package io.datagent.app;

import com.databricks.sdk.core.ApiClient;
import io.datagent.agent.Agent;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.catalog.CachedTableCatalog;
import io.datagent.agent.catalog.DatabricksTableCatalog;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.prompt.PromptSource;
import io.datagent.agent.prompt.SystemPrompt;
import io.datagent.agent.prompt.registry.AliasedPromptSource;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.agent.semantic.CompilerTuning;
import io.datagent.agent.semantic.SynonymLearner;
import io.datagent.agent.sql.DatabricksSqlExecutor;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.trusted.TrustedQueries;
import io.datagent.app.benchmarks.PostgresBenchmarks;
import io.datagent.app.prompts.AgentPrompts;
import io.datagent.app.prompts.MlflowPromptApi;
import io.datagent.app.prompts.MlflowPromptRegistry;
import io.datagent.app.prompts.PostgresPromptRegistry;
import io.datagent.app.prompts.PromptAliasLog;
import io.datagent.app.semantic.VolumeSemanticModelSource;
import io.datagent.app.state.Lakebase;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.trusted.PostgresTrustedQueries;
import io.datagent.app.tuning.RefreshingTuning;
import io.datagent.evaluation.BenchmarkStore;
import io.datagent.platform.Platform;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.RetrieverConfig;
import io.datagent.retrieval.databricks.DatabricksRetrievalConfig;
import io.datagent.retrieval.databricks.DatabricksRetrievers;
import io.datagent.retrieval.lucene.LuceneRetriever;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The App's agent on Databricks, built outside the App (EvaluateJob): the same SQL warehouse executor, catalog,
 * retriever, semantic models from the uploads Volume, trusted queries from the App's Lakebase state, and the prompt
 * of a registry alias ({@code production} unless told), from the registry the App uses. Reads the App's variables
 * ({@code DATAGENT_SERVING_SCHEMA}, {@code DATAGENT_UPLOADS_VOLUME}, the Lakebase ones, {@code DATAGENT_PROMPT_*}).
 *
 * <p>{@link AppMain} builds its agent from the same helpers here (table catalog, retriever, Volume path, required
 * variables), so a job never loads {@code AppMain}, whose Javalin and monitor types the jobs JAR leaves out.
 */
public final class AppAgents {

  /** The agent and what an evaluation needs beside it: its config, its SQL port, the App's trusted queries and promoted benchmark items. */
  public record Built(Agent agent, AgentConfig config, SqlExecutor sql, TrustedQueries trusted,
      BenchmarkStore benchmarks, String promptAlias, Variants variants) {}

  /**
   * What the optimisation needs beside the served agent: the App's state database and prompt registry (with its seed
   * and alias audit), agents built from the same parts with another prompt, retrieval or compiler tuning (its
   * candidates), and a synonym learner over the same tables and semantic models.
   */
  public record Variants(DataSource state, PromptRegistry registry,
      PromptSeed seed, PromptAliasLog audit,
      Function<PromptSource, Agent> withPrompt,
      Function<LuceneRetriever.Tuning, Agent> withTuning,
      BiFunction<LuceneRetriever.Tuning,
          CompilerTuning, Agent> withCompiler,
      Supplier<SynonymLearner> learner) {}

  private AppAgents() {}

  public static Built databricks(Map<String, String> env, Platform platform, String promptAlias, Clock clock) {
    AgentConfig config = AgentConfig.fromEnv(env, platform);
    String catalog = require(env, "DATAGENT_CATALOG");
    String serving = require(env, "DATAGENT_SERVING_SCHEMA");
    SqlExecutor sql = new DatabricksSqlExecutor(platform.statements(), catalog, serving);
    TableCatalog tables = tables(config, sql, catalog, serving);
    Lakebase.Config pg = Lakebase.Config.fromEnv(env);
    StateDatabase state = new StateDatabase(Lakebase.dataSource(pg, Lakebase.passwords(pg, platform.lakebase(),
        platform::bearerToken, clock), 2));
    AgentPrompts.Config prompts = AgentPrompts.Config.fromEnv(env, catalog, serving);
    var registry = AgentPrompts.Config.MLFLOW.equals(prompts.registry())
        ? new MlflowPromptRegistry(new MlflowPromptApi(new ApiClient()), clock)
        : new PostgresPromptRegistry(state.dataSource(), clock);
    PromptAliasLog audit = new PromptAliasLog(state.dataSource());
    PromptSeed seed = PromptSeed.bundled(registry, prompts.name(), audit);
    var source = new AliasedPromptSource(registry, seed, promptAlias, prompts.refresh(), clock, SystemPrompt.bundled());
    TrustedQueries trusted = new PostgresTrustedQueries(state.dataSource());
    var models = new VolumeSemanticModelSource(platform.files(), volumePath(require(env,
        "DATAGENT_UPLOADS_VOLUME")));
    // searched with the retrieval tuning the optimisation promoted (as AppMain does), read again every 30 s
    var served = retriever(env, platform, catalog, serving, RefreshingTuning.retrieval(state.dataSource()));
    // answers with the compiler tuning the optimisation promoted (app.compiler_tuning), read again every 30 s
    Agent agent = AgentFactory.create(config, served, tables, sql, source, models, trusted,
        RefreshingTuning.compiler(state.dataSource()));
    BiFunction<LuceneRetriever.Tuning, CompilerTuning,
        Agent> tuned = (tuning, compiler) -> AgentFactory.create(config, retriever(env, platform, catalog, serving,
            () -> tuning), tables, sql, source, models, trusted, () -> compiler);
    Variants variants = new Variants(state.dataSource(), registry, seed, audit,
        prompt -> AgentFactory.create(config, served, tables, sql, prompt, models, trusted),
        tuning -> tuned.apply(tuning, CompilerTuning.DEFAULT), tuned,
        () -> SynonymLearner.over(config, tables, sql, models));
    return new Built(agent, config, sql, trusted, new PostgresBenchmarks(state.dataSource()),
        promptAlias, variants);
  }

  /** The warehouse's tables of the allowed schemas, the serving schema first, cached five minutes. */
  static TableCatalog tables(AgentConfig config, SqlExecutor sql, String catalog, String serving) {
    List<String> schemas = new ArrayList<>(config.sqlPolicy().allowedSchemas());
    schemas.remove(serving);
    schemas.add(0, serving);
    return new CachedTableCatalog(new DatabricksTableCatalog(sql, catalog, schemas), Duration.ofMinutes(5));
  }

  /** The search index, opened in the background when an embedding endpoint is configured. */
  static Retriever retriever(Map<String, String> env, Platform platform, String catalog,
      String serving, Supplier<LuceneRetriever.Tuning> tuning) {
    String endpoint = env.get("DATAGENT_EMBEDDING_ENDPOINT");
    if (endpoint == null || endpoint.isBlank()) {
      return BackgroundRetriever.none();
    }
    Map<String, String> settings = new HashMap<>();
    settings.put("databricks.host", platform.config().host());
    settings.put("catalog", catalog);
    settings.put("serving_schema", serving);
    settings.put("sql.warehouse_id", env.get("DATABRICKS_WAREHOUSE_ID"));
    settings.put("embedding.endpoint", endpoint);
    settings.put("vector_search.enabled", env.getOrDefault("DATAGENT_VECTOR_SEARCH_ENABLED", "false"));
    if (env.get("DATAGENT_VECTOR_SEARCH_INDEX") != null) {
      settings.put("vector_search.index", env.get("DATAGENT_VECTOR_SEARCH_INDEX"));
    }
    var cfg = DatabricksRetrievalConfig.from(settings, env);
    return new BackgroundRetriever(() -> DatabricksRetrievers.open(cfg, platform,
        RetrieverConfig.defaults().withTuning(tuning)));
  }

  /** A Volume as {@code /Volumes/c/s/v} whether the resource gave a path or a three-part name {@code c.s.v}. */
  static String volumePath(String volume) {
    String v = volume.strip();
    if (v.startsWith("/Volumes/")) {
      return v;
    }
    String[] parts = v.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("DATAGENT_UPLOADS_VOLUME debe ser /Volumes/<catálogo>/<esquema>/<volumen> o "
          + "<catálogo>.<esquema>.<volumen>, no " + volume);
    }
    return "/Volumes/" + String.join("/", parts);
  }

  static String require(Map<String, String> env, String key) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(key + " no está definida: la pone el despliegue del bundle "
          + "(resources/app.yml, config; `databricks bundle run datagent`)");
    }
    return v.strip();
  }
}
