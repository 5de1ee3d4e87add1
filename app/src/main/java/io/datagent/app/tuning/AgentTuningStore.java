package io.datagent.app.tuning;

import io.datagent.app.state.StateException;
import io.datagent.retrieval.lucene.LuceneRetriever.Tuning;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The retrieval tuning promoted for the agent without an LLM ({@code app.agent_tuning}): the newest row is served;
 * none means {@link Tuning#DEFAULT}. The App reads it again every 30 s ({@link RefreshingTuning}), so a promotion
 * applies without a restart.
 */
public final class AgentTuningStore {

  private final DataSource db;

  public AgentTuningStore(DataSource db) {
    this.db = db;
  }

  public Optional<Tuning> current() {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT candidates, rrf_k, lexical_weight, vector_weight, card_weight FROM app.agent_tuning ORDER BY id DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new Tuning(rs.getInt(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)))
          : Optional.empty();
    } catch (SQLException e) {
      throw new StateException("no se pudo leer el ajuste de búsqueda del agente", e);
    }
  }

  /** The tuning served from now on (within 30 s), or the default when none was promoted or it cannot be read. */
  public Tuning currentOrDefault() {
    try {
      return current().orElse(Tuning.DEFAULT);
    } catch (StateException e) {
      return Tuning.DEFAULT;
    }
  }

  public long promote(Tuning t, String by, String message, Double before, Double after) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
        INSERT INTO app.agent_tuning (candidates, rrf_k, lexical_weight, vector_weight, card_weight, promoted_by, message,
          score_before, score_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
      ps.setInt(1, t.candidates());
      ps.setInt(2, t.rrfK());
      ps.setDouble(3, t.lexicalWeight());
      ps.setDouble(4, t.vectorWeight());
      ps.setDouble(5, t.cardWeight());
      ps.setString(6, by);
      ps.setString(7, message);
      ps.setObject(8, before);
      ps.setObject(9, after);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StateException("no se pudo guardar el ajuste de búsqueda del agente", e);
    }
  }
}
