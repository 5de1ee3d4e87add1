package io.datagent.app.state;

import io.datagent.app.trace.QuestionTrace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Conversations and their turns ({@code app.conversations}, {@code app.messages}), bounded per user: recording an
 * exchange drops that user's least recently used conversations beyond {@code maxPerUser} (their traces stay, for
 * audit), in the same transaction.
 */
public final class ConversationStore {

  private final DataSource dataSource;
  private final JsonCodec json;
  private final int maxPerUser;

  public ConversationStore(DataSource dataSource, JsonCodec json, int maxPerUser) {
    this.dataSource = dataSource;
    this.json = json;
    this.maxPerUser = maxPerUser;
  }

  /** The codec the store writes JSON with (the API writes answers with the same one). */
  public JsonCodec json() {
    return json;
  }

  public Optional<String> owner(UUID conversation) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT user_email FROM app.conversations WHERE id = ?")) {
      ps.setObject(1, conversation);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StateException("no se pudo leer la conversación", e);
    }
  }

  public List<ConversationSummary> list(String user, int limit) {
    List<ConversationSummary> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id, title, created_at, updated_at FROM app.conversations WHERE user_email = ? ORDER BY updated_at DESC LIMIT ?")) {
      ps.setString(1, user);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ConversationSummary(rs.getObject(1, UUID.class), rs.getString(2),
              rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StateException("no se pudo leer el historial", e);
    }
  }

  /** The last {@code limit} turns, oldest first. */
  public List<StoredMessage> messages(UUID conversation, int limit) {
    List<StoredMessage> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT * FROM (SELECT id, role, content, trace_id, payload::text, created_at FROM app.messages "
            + "WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) last ORDER BY id")) {
      ps.setObject(1, conversation);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
              json.tree(rs.getString(5)), rs.getTimestamp(6).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StateException("no se pudo leer la conversación", e);
    }
  }

  /**
   * Records a question and its answer in one transaction and one round trip ({@code app.record_exchange}, migration
   * V2, V4): the trace with the prompt version that answered, both turns, the conversation's clock and the user's bound on conversations.
   */
  public void recordExchange(QuestionTrace trace, Object payload) {
    recordExchangeJson(trace, json.write(payload));
  }

  /** {@link #recordExchange}, with the assistant turn's payload already serialised as JSON. */
  public void recordExchangeJson(QuestionTrace trace, String payloadJson) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT app.record_exchange(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, "
            + "?::jsonb, ?, ?, ?, ?, ?::jsonb, ?)")) {
      ps.setObject(1, trace.conversationId());
      ps.setString(2, trace.userEmail());
      ps.setString(3, PgText.text(title(trace.question())));
      ps.setInt(4, maxPerUser);
      ps.setObject(5, trace.id());
      ps.setTimestamp(6, java.sql.Timestamp.from(trace.createdAt()));
      ps.setString(7, PgText.text(trace.question()));
      ps.setString(8, PgText.text(trace.answer()));
      ps.setString(9, PgText.text(trace.mode()));
      ps.setString(10, PgText.json(json.write(trace.sql())));
      ps.setString(11, PgText.json(json.write(trace.toolCalls())));
      ps.setString(12, PgText.json(json.write(trace.sources())));
      ps.setInt(13, (int) Math.min(Integer.MAX_VALUE, trace.latencyMs()));
      ps.setInt(14, trace.promptTokens());
      ps.setInt(15, trace.completionTokens());
      ps.setString(16, PgText.text(trace.error()));
      ps.setString(17, PgText.json(payloadJson));
      ps.setObject(18, trace.promptVersion(), java.sql.Types.INTEGER);
      ps.execute();
    } catch (SQLException e) {
      throw new StateException("no se pudo guardar la respuesta", e);
    }
  }

  /** A conversation's title: its first question, cut to 80 characters. */
  public static String title(String question) {
    String q = question == null ? "" : question.strip();
    return q.length() > 80 ? q.substring(0, 79) + "…" : q;
  }

  public boolean delete(UUID conversation, String user) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM app.conversations WHERE id = ? AND user_email = ?")) {
      ps.setObject(1, conversation);
      ps.setString(2, user);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StateException("no se pudo borrar la conversación", e);
    }
  }
}
