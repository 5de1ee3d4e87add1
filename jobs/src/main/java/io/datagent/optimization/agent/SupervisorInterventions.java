package io.datagent.optimization.agent;

import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.OptimizeJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * The intervention the App's quality supervisor recorded before starting this run ({@code monitor.interventions},
 * one per supervision window, in the App's state database): the run writes its outcome and held-out scores there so
 * the Monitor page shows them. Same columns and statuses as the monitor's {@code QualityStore.finish}, which the jobs
 * JAR leaves out (the monitor module is the App's alone).
 */
public final class SupervisorInterventions {

  private final DataSource db;

  public SupervisorInterventions(DataSource db) {
    this.db = db;
  }

  /** {@code PROMOTED} or {@code UNCHANGED} with the summary and scores; false when no intervention has that window. */
  public boolean finish(String window, OptimizationReport r) {
    return update(window, r.promoted() ? "PROMOTED" : "UNCHANGED", OptimizeJob.summary(r), r.beforeScore(), r.afterScore());
  }

  /** {@code FAILED}: nothing was promoted. */
  public boolean failed(String window, String detail) {
    return update(window, "FAILED", detail, null, null);
  }

  private boolean update(String window, String status, String detail, Double before, Double after) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "update monitor.interventions set status = ?, detail = ?, score_before = ?, score_after = ? where window_key = ?")) {
      ps.setString(1, status);
      ps.setString(2, detail);
      setDouble(ps, 3, before);
      setDouble(ps, 4, after);
      ps.setString(5, window);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("no se pudo actualizar la intervención de la ventana " + window + ": "
          + e.getMessage(), e);
    }
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }
}
