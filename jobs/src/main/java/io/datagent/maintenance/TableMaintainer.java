package io.datagent.maintenance;

import io.datagent.spark.TableRef;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Maintains one table: OPTIMIZE [ZORDER BY], VACUUM, ANALYZE; never throws, reports instead. */
final class TableMaintainer {

  private TableMaintainer() {}

  static TableMaintenance maintain(SparkSession spark, TableRef t, MaintenanceConfig cfg) {
    long t0 = System.nanoTime();
    try {
      Row before = detail(spark, t);
      if (!"delta".equalsIgnoreCase(before.getAs("format"))) {
        return new TableMaintenance(t.toString(), 0, 0, 0, 0, 0, false, null, null, 0);
      }
      List<String> z = cfg.zorder().get(t.schema() + "." + t.table());
      if (z == null) {
        z = cfg.zorder().get(t.table());
      }
      String zorder = z == null || z.isEmpty() ? null : z.stream().map(TableRef::quote).collect(Collectors.joining(", "));
      spark.sql("OPTIMIZE " + t.sql() + (zorder == null ? "" : " ZORDER BY (" + zorder + ")")).collectAsList();
      String vacuum = "VACUUM " + t.sql() + " RETAIN " + cfg.retainHours() + " HOURS";
      long toDelete = spark.sql(vacuum + " DRY RUN").count();
      spark.sql(vacuum).collectAsList();
      boolean stats = analyze(spark, t);
      Row after = detail(spark, t);
      return new TableMaintenance(t.toString(), before.<Long>getAs("numFiles"), after.<Long>getAs("numFiles"),
          before.<Long>getAs("sizeInBytes"), after.<Long>getAs("sizeInBytes"), toDelete, stats,
          z == null ? null : String.join(",", z), null, (System.nanoTime() - t0) / 1_000_000);
    } catch (Exception e) { // includes Spark's AnalysisException
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      int nl = msg.indexOf('\n');
      return new TableMaintenance(t.toString(), 0, 0, 0, 0, 0, false, null, nl < 0 ? msg : msg.substring(0, nl),
          (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static Row detail(SparkSession spark, TableRef t) {
    return spark.sql("DESCRIBE DETAIL " + t.sql()).first();
  }

  /** ANALYZE TABLE; open-source Spark cannot analyze Delta (v2) tables, Databricks can: report, do not fail. */
  private static boolean analyze(SparkSession spark, TableRef t) {
    try {
      spark.sql("ANALYZE TABLE " + t.sql() + " COMPUTE STATISTICS").collectAsList();
      return true;
    } catch (Exception e) { // AnalysisException is checked in Java's eyes but undeclared by Scala
      if (String.valueOf(e.getMessage()).contains("not supported for v2 tables")) {
        return false;
      }
      throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
    }
  }
}
