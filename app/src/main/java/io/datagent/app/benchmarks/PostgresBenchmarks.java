package io.datagent.app.benchmarks;

import io.datagent.app.state.StateException;
import io.datagent.evaluation.BenchmarkStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The promoted benchmark items in the App's PostgreSQL ({@code app.benchmark_items}, migration V6). */
public final class PostgresBenchmarks implements BenchmarkStore {

  private final DataSource dataSource;

  public PostgresBenchmarks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<Stored> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id, kind, question, sql, ranked, decimals, problem, author, created_at "
            + "FROM app.benchmark_items ORDER BY created_at, id");
        ResultSet rs = ps.executeQuery()) {
      List<Stored> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6),
            rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw new StateException("could not read the benchmark items", e);
    }
  }

  @Override
  public Stored save(Stored s) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO app.benchmark_items (id, kind, question, sql, ranked, decimals, "
            + "status, problem, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            + "kind = EXCLUDED.kind, question = EXCLUDED.question, sql = EXCLUDED.sql, ranked = EXCLUDED.ranked, "
            + "decimals = EXCLUDED.decimals, status = EXCLUDED.status, problem = EXCLUDED.problem, author = EXCLUDED.author")) {
      ps.setString(1, s.id());
      ps.setString(2, s.kind());
      ps.setString(3, s.question());
      ps.setString(4, s.sql());
      ps.setBoolean(5, s.ranked());
      ps.setInt(6, s.decimals());
      ps.setString(7, s.problem() == null ? "ok" : "flagged");
      ps.setString(8, s.problem());
      ps.setString(9, s.author());
      ps.setTimestamp(10, Timestamp.from(s.createdAt()));
      ps.executeUpdate();
      return s;
    } catch (SQLException e) {
      throw new StateException("could not save the benchmark item " + s.id(), e);
    }
  }

  @Override
  public boolean delete(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM app.benchmark_items WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StateException("could not delete the benchmark item " + id, e);
    }
  }
}
