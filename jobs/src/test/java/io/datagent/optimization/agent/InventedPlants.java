package io.datagent.optimization.agent;

import io.datagent.agent.QueryResult;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** An invented table of power plants ({@code serving.centrales} in a PostgreSQL) as the agent's catalog and SQL engine. */
final class InventedPlants {

  private InventedPlants() {}

  static final TableDescription PLANTS = new TableDescription(new TableInfo("serving", "centrales", "Centrales eléctricas"),
      List.of(new ColumnInfo("central", "STRING", "CENTRAL", List.of()), new ColumnInfo("region", "STRING", "REGION", List.of()),
          new ColumnInfo("tipo", "STRING", "TIPO", List.of()),
          new ColumnInfo("potencia_mw", "DECIMAL(10,1)", "POTENCIA [MW]", List.of())));

  static TableCatalog catalog() {
    return new TableCatalog() {
      @Override
      public List<TableInfo> listTables() {
        return List.of(PLANTS.table());
      }

      @Override
      public Optional<TableDescription> describe(String table) {
        return table.equalsIgnoreCase("serving.centrales") || table.equalsIgnoreCase("centrales") ? Optional.of(PLANTS)
            : Optional.empty();
      }
    };
  }

  static SqlExecutor engine(DataSource db) {
    return (sql, maxRows, timeout, user) -> {
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        s.setMaxRows(maxRows);
        try (ResultSet rs = s.executeQuery(sql)) {
          int n = rs.getMetaData().getColumnCount();
          List<String> cols = new ArrayList<>();
          List<String> types = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            cols.add(rs.getMetaData().getColumnLabel(i));
            types.add(rs.getMetaData().getColumnTypeName(i).toUpperCase(java.util.Locale.ROOT));
          }
          List<List<Object>> rows = new ArrayList<>();
          while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
              row.add(rs.getObject(i));
            }
            rows.add(row);
          }
          return new QueryResult(cols, types, rows, false);
        }
      } catch (SQLException e) {
        throw new SqlExecutionException(SqlExecutionException.Kind.SQL, e.getMessage(), e);
      }
    };
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
