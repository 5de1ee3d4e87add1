package io.datagent.app;

import io.datagent.agent.QueryResult;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.app.catalog.AgentDataCatalog;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.uploads.FileResult;
import io.datagent.app.uploads.IngestionJobs;
import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.UploadStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for the agent's catalog and SQL ports and for the ingestion job, for testing the App around them (each
 * is tested against its real engine in its own module or test).
 */
public final class TestData {

  private TestData() {}

  /** One documented table {@code serving.potencia} and an ingestion log with one line. */
  public static DataCatalog catalog() {
    TableInfo potencia = new TableInfo("serving", "potencia", "Potencia instalada por región (MW)");
    TableCatalog tables = new TableCatalog() {
      @Override
      public List<TableInfo> listTables() {
        return List.of(potencia, new TableInfo("serving", "_interna", null), new TableInfo("raw", "potencia", null));
      }

      @Override
      public Optional<TableDescription> describe(String table) {
        return table.equals("serving.potencia") ? Optional.of(new TableDescription(potencia, List.of(
            new ColumnInfo("region", "string", "Región del sistema eléctrico", List.of("Comahue")),
            new ColumnInfo("mw", "decimal(10,1)", "Potencia instalada [MW]", List.of())))) : Optional.empty();
      }
    };
    SqlExecutor sql = (statement, maxRows, timeout, token) -> {
      if (statement.startsWith("SELECT * FROM `serving`.`potencia`")) {
        return new QueryResult(List.of("region", "mw"), List.of("string", "decimal(10,1)"),
            List.of(List.of("Comahue", 4520.5)), false);
      }
      if (statement.contains("_ingestion_log")) {
        return new QueryResult(List.of("file", "dataset", "table", "status", "rows_read", "rows_loaded", "rows_quarantined",
            "message", "batch_id", "started_at", "ended_at"), List.of(), List.of(java.util.Arrays.asList(
            "PotenciaInstalada.csv", "potenciainstalada", "potencia", "LOADED", 282L, 282L, 0L, "cargadas 282 filas", "b1",
            "2026-01-02 10:00:00", "2026-01-02 10:00:03")), false);
      }
      throw new SqlExecutionException(SqlExecutionException.Kind.SQL, "tabla desconocida: " + statement);
    };
    return new AgentDataCatalog(tables, sql, "serving", "raw._ingestion_log");
  }

  /** Keeps uploaded files in a folder and reports each as loaded (its line count minus the header) on the first poll. */
  public static final class InstantIngestion implements IngestionJobs {
    public final Path folder;
    private final Map<String, IngestionProgress> runs = new ConcurrentHashMap<>();

    public InstantIngestion() throws IOException {
      folder = Files.createTempDirectory("uploads");
    }

    @Override
    public String start(String uploadId, Path content, String relativePath) throws IOException {
      Path target = folder.resolve(relativePath);
      Files.createDirectories(target.getParent());
      Files.copy(content, target);
      long rows = Files.readAllLines(target).size() - 1;
      runs.put(uploadId, IngestionProgress.finished(List.of(new FileResult(relativePath, "nueva", "LOADED", rows, rows, 0,
          "cargadas " + rows + " filas"))));
      return uploadId;
    }

    @Override
    public IngestionProgress poll(String runRef) {
      return runs.getOrDefault(runRef, new IngestionProgress(UploadStatus.RUNNING, "…", List.of(), null));
    }

    @Override
    public String volumePath(String relativePath) {
      return folder.resolve(relativePath).toString();
    }
  }

}
