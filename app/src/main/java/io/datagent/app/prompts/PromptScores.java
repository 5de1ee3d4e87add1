package io.datagent.app.prompts;

import io.datagent.app.state.StateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Evaluation scores per prompt version ({@code app.prompt_scores}): the evaluation job writes one per run; the
 * Monitor page shows the latest. A version never evaluated has no score.
 */
public final class PromptScores {

  private final DataSource dataSource;

  public PromptScores(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void record(String name, int version, double score, String runRef) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO app.prompt_scores (name, version, score, run_ref) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, name);
      ps.setInt(2, version);
      ps.setDouble(3, score);
      ps.setString(4, runRef);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StateException("no se pudo guardar la puntuación del prompt", e);
    }
  }

  /** The latest score of each evaluated version of {@code name}. */
  public Map<Integer, Double> latest(String name) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT DISTINCT ON (version) version, score FROM app.prompt_scores WHERE name = ? "
            + "ORDER BY version, evaluated_at DESC")) {
      ps.setString(1, name);
      Map<Integer, Double> out = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getInt(1), rs.getDouble(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StateException("no se pudieron leer las puntuaciones del prompt", e);
    }
  }
}
