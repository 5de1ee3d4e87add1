package io.datagent.app.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code app.feedback}: a user's rating of one answer (thumbs up = 5, down = 1), with an optional comment. */
public final class FeedbackStore {

  private final DataSource dataSource;

  public FeedbackStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records (or replaces) the rating of {@code user} for a trace of theirs.
   *
   * @return false when the trace does not exist or belongs to someone else
   */
  public boolean rate(UUID traceId, String user, int rating, String comment) {
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("la valoración va de 1 a 5");
    }
    String sql = "INSERT INTO app.feedback (trace_id, user_email, rating, comment) "
        + "SELECT id, ?, ?, ? FROM app.traces WHERE id = ? AND user_email = ? "
        + "ON CONFLICT (trace_id, user_email) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, "
        + "created_at = now()";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, user);
      ps.setShort(2, (short) rating);
      ps.setString(3, PgText.text(comment));
      ps.setObject(4, traceId);
      ps.setString(5, user);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StateException("no se pudo guardar la valoración", e);
    }
  }
}
