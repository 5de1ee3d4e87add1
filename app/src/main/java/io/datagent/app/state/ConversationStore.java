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
  private final TraceStore traces;
  private final JsonCodec json;
  private final int maxPerUser;

  public ConversationStore(DataSource dataSource, TraceStore traces, JsonCodec json, int maxPerUser) {
    this.dataSource = dataSource;
    this.traces = traces;
    this.json = json;
    this.maxPerUser = maxPerUser;
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

  /** Records a question and its answer in one transaction: the trace, both turns, and the conversation's clock. */
  public void recordExchange(QuestionTrace trace, Object payload) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // One writer per user at a time: pruning and re-inserting never deadlock across that user's requests.
        // History and traces are acknowledged before their WAL reaches disk: a database crash can lose the last
        // fraction of a second of them, never leave them inconsistent, and nobody waits for an fsync (nor for the
        // user's lock to be released after one). One round trip for both.
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(hashtext(?))")) {
          ps.setString(1, "datagent.conversations:" + trace.userEmail());
          ps.execute();
        }
        // New conversations are written with their first exchange; one pruned meanwhile (the same user asking in
        // many tabs) comes back.
        boolean inserted;
        // clock_timestamp(): under the user's lock, the exchange recorded last is the most recent.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app.conversations (id, user_email, title, updated_at) "
            + "VALUES (?, ?, ?, clock_timestamp()) ON CONFLICT (id) DO UPDATE SET updated_at = EXCLUDED.updated_at "
            + "RETURNING (xmax = 0)")) {
          ps.setObject(1, trace.conversationId());
          ps.setString(2, trace.userEmail());
          ps.setString(3, title(trace.question()));
          try (ResultSet rs = ps.executeQuery()) {
            inserted = rs.next() && rs.getBoolean(1);
          }
        }
        traces.insert(c, trace);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app.messages (conversation_id, role, content, trace_id, "
            + "payload) VALUES (?, 'user', ?, NULL, NULL), (?, 'assistant', ?, ?, ?::jsonb)")) {
          ps.setObject(1, trace.conversationId());
          ps.setString(2, trace.question());
          ps.setObject(3, trace.conversationId());
          ps.setString(4, trace.answer() == null ? "" : trace.answer());
          ps.setObject(5, trace.id());
          ps.setString(6, json.write(payload));
          ps.executeUpdate();
        }
        if (inserted) {
          prune(c, trace.userEmail(), trace.conversationId());
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StateException("no se pudo guardar la respuesta", e);
    }
  }

  /** A conversation's title: its first question, cut to 80 characters. */
  public static String title(String question) {
    String q = question == null ? "" : question.strip();
    return q.length() > 80 ? q.substring(0, 79) + "…" : q;
  }

  /** Drops the user's least recently used conversations beyond the bound, never {@code keep}. */
  private void prune(Connection c, String user, UUID keep) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM app.conversations WHERE user_email = ? AND id <> ? AND id NOT IN "
        + "(SELECT id FROM app.conversations WHERE user_email = ? ORDER BY updated_at DESC LIMIT ?)")) {
      ps.setString(1, user);
      ps.setObject(2, keep);
      ps.setString(3, user);
      ps.setInt(4, maxPerUser);
      ps.executeUpdate();
    }
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
