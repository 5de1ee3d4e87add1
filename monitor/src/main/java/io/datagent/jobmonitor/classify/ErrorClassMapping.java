package io.datagent.jobmonitor.classify;

import java.util.List;
import java.util.Map;

/**
 * How Spark and Delta error classes map to categories: by exact SQLSTATE, else by SQLSTATE class (its first two
 * characters, as the SQL standard groups them), with explicit per-class overrides, and name keywords for the classes
 * the catalogues give no SQLSTATE.
 */
public record ErrorClassMapping(
    Map<String, CategoryScore> sqlStateCodes, Map<String, CategoryScore> sqlStateClasses,
    Map<String, CategoryScore> errorClasses, List<MatchRule> nameKeywords) {

  public ErrorClassMapping {
    sqlStateCodes = Map.copyOf(sqlStateCodes);
    sqlStateClasses = Map.copyOf(sqlStateClasses);
    errorClasses = Map.copyOf(errorClasses);
    nameKeywords = List.copyOf(nameKeywords);
  }

  /** The score for a SQLSTATE, exact code first; null when neither the code nor its class is mapped. */
  public CategoryScore bySqlState(String sqlState) {
    if (sqlState == null || sqlState.length() < 2) {
      return null;
    }
    CategoryScore exact = sqlStateCodes.get(sqlState);
    return exact != null ? exact : sqlStateClasses.get(sqlState.substring(0, 2));
  }
}
