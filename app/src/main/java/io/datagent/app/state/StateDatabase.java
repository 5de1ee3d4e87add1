package io.datagent.app.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The App's PostgreSQL state: Lakebase on Databricks, an embedded PostgreSQL locally, the same JDBC code on both.
 *
 * <p>{@link #migrate()} brings schema {@code app} up to date with the Flyway scripts under
 * {@value #LOCATION} (history in {@code app.flyway_schema_history}); the monitor reads the same tables.
 */
public final class StateDatabase {

  public static final String SCHEMA = "app";
  public static final String LOCATION = "classpath:db/migration/app";

  private final DataSource dataSource;

  public StateDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Applies pending migrations; returns how many ran. */
  public int migrate() {
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .table("flyway_schema_history")
        .locations(LOCATION)
        .load()
        .migrate();
    return result.migrationsExecuted;
  }

  /** True when a connection can be had and answers within two seconds. */
  public boolean ping() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      return s.execute("SELECT 1");
    } catch (SQLException e) {
      return false;
    }
  }
}
