package io.datagent.app.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.uploads.FileResult;
import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.Upload;
import io.datagent.app.uploads.UploadStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code app.uploads}: every uploaded file and where its ingestion stands. */
public final class UploadStore {

  private static final String COLUMNS = "id, user_email, file_name, dataset, volume_path, size_bytes, status, progress, "
      + "run_ref, rows_loaded, rows_quarantined, outcomes::text, message, created_at, started_at, ended_at";

  private final DataSource dataSource;
  private final JsonCodec json;

  public UploadStore(DataSource dataSource, JsonCodec json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  public void insert(Upload u) {
    update("INSERT INTO app.uploads (id, user_email, file_name, dataset, volume_path, size_bytes, status, progress, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", u.id(), u.userEmail(), u.fileName(), u.dataset(), u.volumePath(),
        u.sizeBytes(), u.status().name(), u.progress(), Timestamp.from(u.createdAt()));
  }

  public void started(UUID id, String runRef) {
    update("UPDATE app.uploads SET run_ref = ?, started_at = now() WHERE id = ?", runRef, id);
  }

  public void progress(UUID id, IngestionProgress p) {
    update("UPDATE app.uploads SET status = ?, progress = ?, rows_loaded = ?, rows_quarantined = ?, outcomes = ?::jsonb, "
            + "message = ?, ended_at = CASE WHEN ? THEN now() ELSE ended_at END WHERE id = ?",
        p.status().name(), p.progress(), p.rowsLoaded(), p.rowsQuarantined(), json.write(p.files()), p.message(),
        p.status().done(), id);
  }

  public Optional<Upload> find(UUID id) {
    List<Upload> found = query("SELECT " + COLUMNS + " FROM app.uploads WHERE id = ?", id);
    return found.stream().findFirst();
  }

  public List<Upload> byUser(String user, int limit) {
    return query("SELECT " + COLUMNS + " FROM app.uploads WHERE user_email = ? ORDER BY created_at DESC LIMIT ?", user, limit);
  }

  /** Uploads still queued or running (what the tracker polls). */
  public List<Upload> active() {
    return query("SELECT " + COLUMNS + " FROM app.uploads WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at");
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StateException("no se pudo guardar el estado de la carga", e);
    }
  }

  private List<Upload> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<Upload> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StateException("no se pudo leer el estado de las cargas", e);
    }
  }

  private Upload row(ResultSet rs) throws SQLException {
    JsonNode outcomes = json.tree(rs.getString(12));
    List<FileResult> files = outcomes == null ? List.of()
        : Arrays.asList(json.mapper().convertValue(outcomes, FileResult[].class));
    return new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getLong(6), UploadStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getLong(10),
        rs.getLong(11), files, rs.getString(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)),
        instant(rs.getTimestamp(16)));
  }

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }
}
