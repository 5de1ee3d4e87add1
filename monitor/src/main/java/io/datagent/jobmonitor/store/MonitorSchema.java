package io.datagent.jobmonitor.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades the monitor's tables: schema {@code monitor}, migrations from
 * {@code classpath:db/migration/monitor}, history in {@code monitor.flyway_schema_history}. Independent of the App's
 * own migrations (schema {@code app}), so both can run in any order against the same database.
 */
public final class MonitorSchema {

  public static final String SCHEMA = "monitor";

  private MonitorSchema() {}

  public static void migrate(DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .schemas(SCHEMA)
        .table("flyway_schema_history")
        .locations("classpath:db/migration/monitor")
        .load()
        .migrate();
  }
}
