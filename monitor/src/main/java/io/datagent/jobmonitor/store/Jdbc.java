package io.datagent.jobmonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The little JDBC the monitor needs: one statement per call, auto-commit, parameters bound by position. */
public final class Jdbc {

  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource ds;

  public Jdbc(DataSource ds) {
    this.ds = ds;
  }

  public DataSource dataSource() {
    return ds;
  }

  public <T> List<T> query(String sql, Row<T> row, Object... args) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException(sql, e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> all = query(sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
  }

  public int update(String sql, Object... args) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(sql, e);
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant t) {
        ps.setTimestamp(i + 1, Timestamp.from(t));
      } else if (a == null) {
        ps.setObject(i + 1, null);
      } else {
        ps.setObject(i + 1, a);
      }
    }
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  public static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  public static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** A SQL failure, with the statement that failed. */
  public static final class StoreException extends RuntimeException {
    private final String sqlState;

    StoreException(String sql, SQLException e) {
      super(e.getMessage() + " [" + sql.strip().split("\n")[0] + "]", e);
      this.sqlState = e.getSQLState();
    }

    public String sqlState() {
      return sqlState;
    }
  }
}
