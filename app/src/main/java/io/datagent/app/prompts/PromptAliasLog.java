package io.datagent.app.prompts;

import io.datagent.agent.prompt.registry.AliasAudit;
import io.datagent.agent.prompt.registry.AliasChange;
import io.datagent.app.state.PgText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of alias changes in {@code app.prompt_alias_changes} (who, when, from which version to which, and how:
 * seed, promote, rollback), kept in the App's state whichever registry holds the prompts. Rows are only inserted.
 */
public final class PromptAliasLog implements AliasAudit {

  private static final Logger LOG = LoggerFactory.getLogger(PromptAliasLog.class);

  /** One recorded change. */
  public record Entry(long id, AliasChange change, String kind) {}

  private final DataSource dataSource;

  public PromptAliasLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void record(AliasChange c, String kind) {
    try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO app.prompt_alias_changes (at, name, alias, from_version, to_version, changed_by, kind) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setTimestamp(1, java.sql.Timestamp.from(c.at()));
      ps.setString(2, c.name());
      ps.setString(3, c.alias());
      ps.setObject(4, c.from(), Types.INTEGER);
      ps.setInt(5, c.to());
      ps.setString(6, PgText.text(c.by()));
      ps.setString(7, kind);
      ps.executeUpdate();
      LOG.info("prompt {}: alias {} moved from {} to {} by {} ({})", c.name(), c.alias(), c.from(), c.to(), c.by(), kind);
    } catch (SQLException e) {
      // the alias has moved already: losing its audit row must be loud, not fatal to the engineer's click
      LOG.error("prompt {}: alias {} moved from {} to {} by {} ({}) but the audit row was not written", c.name(), c.alias(),
          c.from(), c.to(), c.by(), kind, e);
    }
  }

  /** The changes of {@code name} (one alias, or every alias when {@code alias} is null), newest first. */
  public List<Entry> history(String name, String alias, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id, at, alias, from_version, to_version, changed_by, kind FROM app.prompt_alias_changes "
            + "WHERE name = ? AND (?::text IS NULL OR alias = ?) ORDER BY id DESC LIMIT ?")) {
      ps.setString(1, name);
      ps.setString(2, alias);
      ps.setString(3, alias);
      ps.setInt(4, limit);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int from = rs.getInt(4);
          Integer f = rs.wasNull() ? null : from;
          out.add(new Entry(rs.getLong(1), new AliasChange(name, rs.getString(3), f, rs.getInt(5), rs.getString(6),
              rs.getTimestamp(2).toInstant()), rs.getString(7)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new io.datagent.app.state.StateException("no se pudo leer el historial de alias del prompt", e);
    }
  }
}
