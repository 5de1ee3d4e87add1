package io.datagent.app.state;

import io.datagent.app.trace.QuestionTrace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code app.traces}: one row per question (shape fixed: the monitor reads it). */
public final class TraceStore {

  private final DataSource dataSource;
  private final JsonCodec json;

  public TraceStore(DataSource dataSource, JsonCodec json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** Inserts within the caller's transaction. */
  void insert(Connection c, QuestionTrace t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO app.traces (id, created_at, user_email, conversation_id, "
        + "question, answer, mode, sql, tool_calls, sources, latency_ms, prompt_tokens, completion_tokens, error) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?)")) {
      ps.setObject(1, t.id());
      ps.setTimestamp(2, Timestamp.from(t.createdAt()));
      ps.setString(3, t.userEmail());
      ps.setObject(4, t.conversationId());
      ps.setString(5, t.question());
      ps.setString(6, t.answer());
      ps.setString(7, t.mode());
      ps.setString(8, json.write(t.sql()));
      ps.setString(9, json.write(t.toolCalls()));
      ps.setString(10, json.write(t.sources()));
      ps.setInt(11, (int) Math.min(Integer.MAX_VALUE, t.latencyMs()));
      ps.setInt(12, t.promptTokens());
      ps.setInt(13, t.completionTokens());
      ps.setString(14, t.error());
      ps.executeUpdate();
    }
  }

  /** Who asked the question of this trace, if it exists. */
  public Optional<String> owner(UUID traceId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT user_email FROM app.traces WHERE id = ?")) {
      ps.setObject(1, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StateException("no se pudo leer la traza " + traceId, e);
    }
  }
}
