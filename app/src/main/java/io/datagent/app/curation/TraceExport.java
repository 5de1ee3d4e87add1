package io.datagent.app.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.app.state.StateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Curates the agent's traces into a dataset (as Seed-style curation does): every trace a user rated, as one JSON line
 * with the chat turn ({@code messages}, the OpenAI fine-tuning shape), the SQL it ran, the prompt version, the rating,
 * the comment and a label ({@code positivo} for 4-5, {@code negativo} for 1-2, {@code neutro} for 3). Traces that
 * failed or were not rated are left out: a label needs a person's judgement.
 */
public final class TraceExport {

  /** A rated trace as the optimisation's few-shot pool takes it. */
  public record Rated(String question, List<String> sql, int rating) {}

  /** A rated trace as the synonym learner reads it: the question, its SQL, the rating and the person's comment. */
  public record Judged(String question, List<String> sql, int rating, String comment) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RATED = """
      SELECT t.id, t.created_at, t.question, t.answer, t.mode, t.sql, t.prompt_version, f.rating, f.comment
      FROM app.traces t JOIN app.feedback f ON f.trace_id = t.id
      WHERE t.created_at >= ? AND (t.error IS NULL OR t.error = '') AND f.rating >= ?
      ORDER BY t.created_at, t.id
      """;

  private final DataSource db;

  public TraceExport(DataSource db) {
    this.db = db;
  }

  /** Writes the rated traces since {@code since} as JSON Lines; returns how many. */
  public int write(Writer out, Instant since) {
    int[] n = {0};
    rows(since, 1, rs -> {
      ObjectNode line = JSON.createObjectNode();
      int rating = rs.getInt("rating");
      line.put("trace_id", rs.getString("id"));
      line.put("created_at", rs.getTimestamp("created_at").toInstant().toString());
      ArrayNode messages = line.putArray("messages");
      messages.addObject().put("role", "user").put("content", rs.getString("question"));
      messages.addObject().put("role", "assistant").put("content", rs.getString("answer"));
      line.set("sql", sql(rs.getString("sql")));
      line.put("mode", rs.getString("mode"));
      Object pv = rs.getObject("prompt_version");
      if (pv == null) {
        line.putNull("prompt_version");
      } else {
        line.put("prompt_version", ((Number) pv).intValue());
      }
      line.put("rating", rating);
      line.put("comment", rs.getString("comment"));
      line.put("label", rating >= 4 ? "positivo" : rating <= 2 ? "negativo" : "neutro");
      try {
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      n[0]++;
    });
    return n[0];
  }

  /** Up-voted traces (rating 4 or 5) that ran SQL, newest last: examples the optimisation may show the model. */
  public List<Rated> upvoted(Instant since) {
    List<Rated> out = new ArrayList<>();
    rows(since, 4, rs -> {
      List<String> sql = new ArrayList<>();
      sql(rs.getString("sql")).forEach(s -> sql.add(s.asText()));
      if (!sql.isEmpty()) {
        out.add(new Rated(rs.getString("question"), sql, rs.getInt("rating")));
      }
    });
    return out;
  }

  /**
   * Every rated trace since {@code since} that ran SQL (up-votes and down-votes, with their comments), oldest first:
   * what the optimisation learns synonyms from.
   */
  public List<Judged> judged(Instant since) {
    List<Judged> out = new ArrayList<>();
    rows(since, 1, rs -> {
      List<String> sql = new ArrayList<>();
      sql(rs.getString("sql")).forEach(s -> sql.add(s.asText()));
      if (!sql.isEmpty()) {
        out.add(new Judged(rs.getString("question"), sql, rs.getInt("rating"), rs.getString("comment")));
      }
    });
    return out;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void rows(Instant since, int minRating, Row row) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(RATED)) {
      ps.setTimestamp(1, Timestamp.from(since));
      ps.setInt(2, minRating);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new StateException("no se pudieron leer las trazas valoradas", e);
    }
  }

  private static ArrayNode sql(String json) {
    try {
      var n = json == null ? null : JSON.readTree(json);
      return n != null && n.isArray() ? (ArrayNode) n : JSON.createArrayNode();
    } catch (IOException e) {
      return JSON.createArrayNode();
    }
  }
}
