package io.datagent.maintenance;

/** The per-table line of a maintenance report. */
public record TableMaintenance(
    String table, long filesBefore, long filesAfter, long bytesBefore, long bytesAfter, long filesVacuumed,
    boolean statisticsComputed, String zorder, String error, long millis) {

  public boolean ok() {
    return error == null;
  }

  @Override
  public String toString() {
    if (!ok()) {
      return String.format("  ✗ %s: %s", table, error);
    }
    return String.format("  ✓ %s: archivos %d → %d, %.1f → %.1f MB, %d archivos antiguos borrados%s%s (%.1f s)",
        table, filesBefore, filesAfter, bytesBefore / 1e6, bytesAfter / 1e6, filesVacuumed,
        zorder == null ? "" : ", Z-ORDER por " + zorder, statisticsComputed ? ", estadísticas calculadas" : "",
        millis / 1000.0);
  }
}
