package io.datagent.agent.sql;

import java.util.regex.Pattern;

/** Identifier normalisation as Spark resolves names: back-quotes removed, NFKC, lower case. */
final class SqlNames {

  /** What a catalog, schema or table name may be once normalised (the workspace's names are snake case). */
  private static final Pattern TABLE_PART = Pattern.compile("[a-z0-9_]{1,128}");

  private SqlNames() {}

  /**
   * One name part as Spark compares it: back-quotes (and doubled back-quotes) removed, NFKC, lower case; the same
   * folding as function names ({@link SparkFunctions#normalize}).
   */
  static String normalize(String part) {
    return SparkFunctions.normalize(part);
  }

  /** Whether a normalised catalog, schema or table name has the plain form the workspace uses. */
  static boolean plainTablePart(String normalized) {
    return TABLE_PART.matcher(normalized).matches();
  }
}
