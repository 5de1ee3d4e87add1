package io.datagent.app.prompts;

import io.datagent.agent.prompt.registry.AliasChange;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptRegistryException;
import io.datagent.agent.prompt.registry.PromptVersion;
import io.datagent.app.state.PgText;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The prompt registry in the App's PostgreSQL ({@code app.prompt_versions}, {@code app.prompt_aliases}, migration
 * V4): the embedded database locally, Lakebase on Databricks, the same code on both. Registering takes a
 * per-prompt advisory lock, so two instances registering at once get consecutive numbers and one row per text.
 */
public final class PostgresPromptRegistry implements PromptRegistry {

  private static final String SELECT = "SELECT v.name, v.version, v.content, v.sha256, v.author, v.message, v.created_at, "
      + "coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM app.prompt_aliases a "
      + "WHERE a.name = v.name AND a.version = v.version), '{}') FROM app.prompt_versions v ";

  private final DataSource dataSource;
  private final Clock clock;

  public PostgresPromptRegistry(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public int register(String name, String content, String author, String message) {
    PromptNames.checkNew(name, content);
    String sha = PromptVersion.sha256(content);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        lock(c, name);
        Integer existing = single(c, "SELECT version FROM app.prompt_versions WHERE name = ? AND sha256 = ?", name, sha);
        if (existing != null) {
          c.commit();
          return existing;
        }
        Integer last = single(c, "SELECT max(version) FROM app.prompt_versions WHERE name = ?", name);
        int next = last == null ? 1 : last + 1;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app.prompt_versions "
            + "(name, version, content, sha256, author, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, name);
          ps.setInt(2, next);
          ps.setString(3, PgText.text(content));
          ps.setString(4, sha);
          ps.setString(5, PgText.text(author == null ? "desconocido" : author));
          ps.setString(6, PgText.text(message == null ? "" : message));
          ps.setTimestamp(7, java.sql.Timestamp.from(clock.instant()));
          ps.executeUpdate();
        }
        c.commit();
        return next;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("registrar una versión del prompt " + name, e);
    }
  }

  @Override
  public List<PromptVersion> versions(String name) {
    return query(SELECT + "WHERE v.name = ? ORDER BY v.version DESC", name);
  }

  @Override
  public Optional<PromptVersion> byAlias(String name, String alias) {
    return query(SELECT + "JOIN app.prompt_aliases x ON x.name = v.name AND x.version = v.version "
        + "WHERE v.name = ? AND x.alias = ?", name, alias).stream().findFirst();
  }

  @Override
  public Optional<PromptVersion> version(String name, int version) {
    return query(SELECT + "WHERE v.name = ? AND v.version = ?", name, version).stream().findFirst();
  }

  @Override
  public AliasChange setAlias(String name, String alias, int version, String by) {
    PromptNames.checkAlias(alias);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        lock(c, name);
        if (single(c, "SELECT version FROM app.prompt_versions WHERE name = ? AND version = ?", name, version) == null) {
          throw PromptNames.noSuchVersion(name, version);
        }
        Integer from = single(c, "SELECT version FROM app.prompt_aliases WHERE name = ? AND alias = ?", name, alias);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app.prompt_aliases (name, alias, version, updated_at) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (name, alias) DO UPDATE SET version = EXCLUDED.version, "
            + "updated_at = EXCLUDED.updated_at")) {
          ps.setString(1, name);
          ps.setString(2, alias);
          ps.setInt(3, version);
          ps.setTimestamp(4, java.sql.Timestamp.from(clock.instant()));
          ps.executeUpdate();
        }
        c.commit();
        return new AliasChange(name, alias, from, version, by, clock.instant());
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("mover el alias " + alias + " del prompt " + name, e);
    }
  }

  private static void lock(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      ps.setString(1, "datagent.prompts:" + name);
      ps.execute();
    }
  }

  private static Integer single(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        int v = rs.getInt(1);
        return rs.wasNull() ? null : v;
      }
    }
  }

  private List<PromptVersion> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<PromptVersion> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Array aliases = rs.getArray(8);
          out.add(new PromptVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getTimestamp(7).toInstant(), Arrays.asList((String[]) aliases.getArray())));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("leer el registro de prompts", e);
    }
  }

  private static PromptRegistryException failure(String what, SQLException e) {
    return new PromptRegistryException("No se pudo " + what + " en la base de estado: " + e.getMessage(), 503, e);
  }
}
