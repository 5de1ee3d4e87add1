package io.datagent.app.evaluation;

import java.util.List;

/**
 * The latest evaluations of the agent: on Databricks the evaluation job's Delta table ({@link SqlEvaluationHistory}),
 * locally the JSON reports {@code ./agent eval} writes ({@link ReportFolderHistory}).
 */
public interface EvaluationHistory {

  /** At most {@code limit} evaluations, newest first; empty before the first one. */
  List<EvaluationRun> latest(int limit);
}
