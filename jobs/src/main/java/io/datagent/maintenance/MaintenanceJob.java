package io.datagent.maintenance;

import io.datagent.config.ArgSpec;
import io.datagent.spark.TableRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark JAR task that keeps the Delta tables healthy: OPTIMIZE (with optional Z-ORDER), VACUUM with a retention of at
 * least 7 days, and ANALYZE TABLE ... COMPUTE STATISTICS, over every table of the configured schemas.
 *
 * <p>Every table is attempted; failures are reported per table and make the run fail at the end.
 */
public final class MaintenanceJob {

  public static final int MIN_RETAIN_HOURS = 168;

  private MaintenanceJob() {}

  public static ArgSpec argSpec() {
    return new ArgSpec("MaintenanceJob")
        .optional("catalog", "", "catálogo de Unity Catalog (vacío: el del clúster)")
        .optional("schemas", "raw,serving", "esquemas a mantener, separados por comas")
        .optional("retain-hours", String.valueOf(MIN_RETAIN_HOURS), "retención de VACUUM en horas (mínimo 168)")
        .flag("force-retention", "permite una retención menor de 168 horas")
        .optional("zorder", "", "tabla:col1,col2;tabla2:col, p. ej. serving.cammesa_res:fecha")
        .optional("tables", "", "solo estas tablas, separadas por comas");
  }

  public static MaintenanceConfig config(String... args) {
    ArgSpec.Parsed p = argSpec().parse(args);
    int retain = p.getInt("retain-hours");
    boolean force = p.getBoolean("force-retention");
    if (retain < 0) {
      throw new IllegalArgumentException("MaintenanceJob: --retain-hours must not be negative, got " + retain);
    }
    if (retain < MIN_RETAIN_HOURS && !force) {
      throw new IllegalArgumentException("MaintenanceJob: --retain-hours " + retain + " is below " + MIN_RETAIN_HOURS
          + " hours (7 days); VACUUM would delete files that time travel and long-running readers still need. "
          + "Pass --force-retention to do it anyway.");
    }
    Map<String, List<String>> zorder = new LinkedHashMap<>();
    for (String spec : p.get("zorder").split(";")) {
      if (spec.isBlank()) {
        continue;
      }
      String[] parts = spec.split(":", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException("MaintenanceJob: --zorder entry '" + spec + "' must look like schema.table:col1,col2");
      }
      zorder.put(parts[0].trim(), Arrays.stream(parts[1].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
    return new MaintenanceConfig(p.find("catalog").orElse(null), csv(p.get("schemas")), retain, force, zorder,
        new LinkedHashSet<>(csv(p.get("tables"))));
  }

  private static List<String> csv(String s) {
    return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  public static List<TableMaintenance> run(SparkSession spark, MaintenanceConfig cfg) {
    long t0 = System.nanoTime();
    if (cfg.retainHours() < MIN_RETAIN_HOURS) {
      spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    }
    List<TableRef> tables = new ArrayList<>();
    for (String schema : cfg.schemas()) {
      String in = TableRef.of(cfg.catalog(), schema, "x").schemaSql();
      for (Row r : spark.sql("SHOW TABLES IN " + in).collectAsList()) {
        String name = r.getString(1);
        boolean temporary = r.getBoolean(2);
        if (!temporary && (cfg.tables().isEmpty() || cfg.tables().contains(name))) {
          tables.add(TableRef.of(cfg.catalog(), schema, name));
        }
      }
    }
    System.out.println("Mantenimiento: " + tables.size() + " tabla(s) en " + cfg.schemas()
        + ", retención " + cfg.retainHours() + " h");
    List<TableMaintenance> report = new ArrayList<>();
    for (TableRef t : tables) {
      TableMaintenance m = TableMaintainer.maintain(spark, t, cfg);
      report.add(m);
      System.out.println(m);
    }
    long failed = report.stream().filter(m -> !m.ok()).count();
    System.out.printf("Mantenimiento terminado: %d tabla(s), %d con error (%.1f s)%n", report.size(), failed,
        (System.nanoTime() - t0) / 1e9);
    return report;
  }

  public static void main(String[] args) {
    MaintenanceConfig cfg = config(args);
    List<TableMaintenance> report = run(SparkSession.builder().getOrCreate(), cfg);
    List<String> errors = report.stream().filter(m -> !m.ok()).map(m -> m.table() + ": " + m.error()).toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("El mantenimiento falló en " + errors.size() + " tabla(s):\n  " + String.join("\n  ", errors));
    }
  }
}
