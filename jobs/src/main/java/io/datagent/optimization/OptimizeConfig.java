package io.datagent.optimization;

/**
 * What one OptimizeJob run is given.
 *
 * @param catalog      Unity Catalog catalog of the serving tables (null: the cluster's default)
 * @param benchmark    the benchmark file (JSON Lines, the format of {@code ./agent eval})
 * @param promptName   the registry's prompt name ({@code datagent_system_prompt} by default)
 * @param experiment   MLflow experiment path the run is logged to (null: not logged)
 * @param settings     split, margin and candidate bound
 * @param rewriteBudget the most instruction rewrites asked of the LLM
 * @param reason       why the run was started ({@code programada}, or the supervisor's breached thresholds)
 * @param window       the supervisor's window key when it started the run (null: scheduled or by hand)
 */
public record OptimizeConfig(String catalog, String benchmark, String promptName, String experiment,
    Optimizer.Settings settings, int rewriteBudget, String reason, String window) {}
