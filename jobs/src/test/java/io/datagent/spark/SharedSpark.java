package io.datagent.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession every Spark test of a JVM shares (starting one costs seconds), over a throw-away
 * workspace. Tests isolate themselves by using their own schemas ({@link #schemas}) or table names.
 *
 * <p>NOTE: a static holder is deliberate here and only here: it is test infrastructure, not production wiring.
 */
public final class SharedSpark {

  private static SparkSession spark;
  private static Path workspace;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      try {
        workspace = Files.createTempDirectory("datagent-spark-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.setProperty("datagent.spark.master", "local[2]");
      spark = LocalSpark.open(workspace);
    }
    return spark;
  }

  public static synchronized Path workspace() {
    get();
    return workspace;
  }

  /** Creates (if needed) a pair of schemas {@code <prefix>_raw} and {@code <prefix>_serving} for one test class. */
  public static void schemas(String prefix) {
    SparkSession s = get();
    for (String suffix : new String[] {"raw", "serving"}) {
      Path dir = workspace.resolve("tables").resolve(prefix + "_" + suffix);
      s.sql("CREATE DATABASE IF NOT EXISTS " + TableRef.quote(prefix + "_" + suffix) + " LOCATION " + Sql.literal(dir.toUri().toString()));
    }
  }
}
