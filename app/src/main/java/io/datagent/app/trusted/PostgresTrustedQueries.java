package io.datagent.app.trusted;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.trusted.ParamType;
import io.datagent.agent.trusted.TrustedQueries;
import io.datagent.agent.trusted.TrustedQuery;
import io.datagent.app.state.PgText;
import io.datagent.app.state.StateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The trusted queries in the App's PostgreSQL ({@code app.trusted_queries}, migration V5): embedded locally, Lakebase on Databricks. */
public final class PostgresTrustedQueries implements TrustedQueries {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DataSource dataSource;

  public PostgresTrustedQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<TrustedQuery> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id, table_name, title, patterns::text, sql, params::text, "
            + "param_order::text, author, created_at FROM app.trusted_queries ORDER BY created_at, id");
        ResultSet rs = ps.executeQuery()) {
      List<TrustedQuery> out = new ArrayList<>();
      while (rs.next()) {
        List<String> patterns = JSON.readValue(rs.getString(4), new TypeReference<List<String>>() {});
        Map<String, String> types = JSON.readValue(rs.getString(6), new TypeReference<Map<String, String>>() {});
        List<String> order = JSON.readValue(rs.getString(7), new TypeReference<List<String>>() {});
        Map<String, ParamType> params = new LinkedHashMap<>();
        order.forEach(n -> params.put(n, ParamType.valueOf(types.get(n))));
        out.add(new TrustedQuery(rs.getString(1), rs.getString(2), rs.getString(3), patterns, rs.getString(5), params,
            rs.getString(8), rs.getTimestamp(9).toInstant()));
      }
      return out;
    } catch (SQLException | java.io.IOException e) {
      throw new StateException("could not read the trusted queries", e);
    }
  }

  @Override
  public TrustedQuery save(TrustedQuery q) {
    Map<String, String> types = new LinkedHashMap<>();
    q.params().forEach((k, v) -> types.put(k, v.name()));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO app.trusted_queries (id, table_name, title, patterns, sql, "
            + "params, param_order, author, created_at) VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET table_name = EXCLUDED.table_name, title = EXCLUDED.title, "
            + "patterns = EXCLUDED.patterns, sql = EXCLUDED.sql, params = EXCLUDED.params, "
            + "param_order = EXCLUDED.param_order, author = EXCLUDED.author")) {
      ps.setString(1, PgText.text(q.id()));
      ps.setString(2, PgText.text(q.table()));
      ps.setString(3, PgText.text(q.title()));
      ps.setString(4, PgText.json(JSON.writeValueAsString(q.patterns())));
      ps.setString(5, PgText.text(q.sql()));
      ps.setString(6, PgText.json(JSON.writeValueAsString(types)));
      ps.setString(7, PgText.json(JSON.writeValueAsString(new ArrayList<>(q.params().keySet()))));
      ps.setString(8, PgText.text(q.author()));
      ps.setTimestamp(9, Timestamp.from(q.createdAt()));
      ps.executeUpdate();
      return q;
    } catch (SQLException | java.io.IOException e) {
      throw new StateException("could not save trusted query " + q.id(), e);
    }
  }

  @Override
  public boolean delete(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM app.trusted_queries WHERE id = ?")) {
      ps.setString(1, PgText.text(id));
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StateException("could not delete trusted query " + id, e);
    }
  }
}
