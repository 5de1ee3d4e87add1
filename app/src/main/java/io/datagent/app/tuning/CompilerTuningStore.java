package io.datagent.app.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.semantic.CompilerThresholds;
import io.datagent.agent.semantic.CompilerTuning;
import io.datagent.agent.semantic.LearnedSynonym;
import io.datagent.app.state.StateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The question compiler's tuning promoted for the agent without an LLM ({@code app.compiler_tuning}): thresholds and
 * learned synonyms. The newest row is served; none means {@link CompilerTuning#DEFAULT}. The App reads it through
 * {@link RefreshingTuning}, so a promotion applies within its refresh period, without a restart.
 */
public final class CompilerTuningStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<LearnedSynonym>> SYNONYMS = new TypeReference<>() {};

  private final DataSource db;

  public CompilerTuningStore(DataSource db) {
    this.db = db;
  }

  public Optional<CompilerTuning> current() {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT min_score, typo_from, two_typos_from, abbreviation_from, max_tables, synonyms::text
        FROM app.compiler_tuning ORDER BY id DESC LIMIT 1""");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      CompilerThresholds t = new CompilerThresholds(rs.getDouble(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
      return Optional.of(new CompilerTuning(t, JSON.readValue(rs.getString(6), SYNONYMS)));
    } catch (SQLException | JsonProcessingException | IllegalArgumentException e) {
      throw new StateException("no se pudo leer el ajuste del compilador de preguntas", e);
    }
  }

  /** The tuning served now, or the default when none was promoted or it cannot be read. */
  public CompilerTuning currentOrDefault() {
    try {
      return current().orElse(CompilerTuning.DEFAULT);
    } catch (StateException e) {
      return CompilerTuning.DEFAULT;
    }
  }

  public long promote(CompilerTuning tuning, String by, String message, Double before, Double after) {
    CompilerThresholds t = tuning.thresholds();
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
        INSERT INTO app.compiler_tuning (min_score, typo_from, two_typos_from, abbreviation_from, max_tables, synonyms,
          promoted_by, message, score_before, score_after) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) RETURNING id""")) {
      ps.setDouble(1, t.minScore());
      ps.setInt(2, t.typoFrom());
      ps.setInt(3, t.twoTyposFrom());
      ps.setInt(4, t.abbreviationFrom());
      ps.setInt(5, t.maxTables());
      ps.setString(6, JSON.writeValueAsString(tuning.synonyms()));
      ps.setString(7, by);
      ps.setString(8, message);
      ps.setObject(9, before);
      ps.setObject(10, after);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new StateException("no se pudo guardar el ajuste del compilador de preguntas", e);
    }
  }
}
