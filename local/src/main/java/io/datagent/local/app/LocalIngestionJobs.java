package io.datagent.local.app;

import io.datagent.app.uploads.FileResult;
import io.datagent.app.uploads.IngestionJobs;
import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.UploadStatus;
import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.IngestConfig;
import io.datagent.ingestion.IngestJob;
import io.datagent.ingestion.IngestReport;
import io.datagent.ingestion.Ingestion;
import io.datagent.local.LocalRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local side of {@link IngestionJobs}: the file is copied into the workspace's uploads folder (the local uploads
 * Volume) and IngestJob runs on exactly that file in this process, on the runtime's Spark session, one upload at a
 * time (Spark local mode gains nothing from two at once). Progress lines and the per-file outcomes come from the
 * ingestion itself; the same lines land in {@code raw._ingestion_log}.
 */
public final class LocalIngestionJobs implements IngestionJobs, AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalIngestionJobs.class);

  private final LocalRuntime runtime;
  private final Map<String, IngestionProgress> runs = new ConcurrentHashMap<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "datagent-local-ingestion");
    t.setDaemon(true);
    return t;
  });

  public LocalIngestionJobs(LocalRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public String volumePath(String relativePath) {
    return runtime.workspace().uploads().resolve(relativePath).toString();
  }

  @Override
  public String start(String uploadId, Path content, String relativePath) throws IOException {
    Path uploads = runtime.workspace().create().uploads();
    Path target = uploads.resolve(relativePath).normalize();
    if (!target.startsWith(uploads)) {
      throw new IllegalArgumentException("ruta fuera de la carpeta de cargas: " + relativePath);
    }
    Files.createDirectories(target.getParent());
    io.datagent.local.AtomicFiles.copy(content, target); // a kill mid-copy leaves no truncated file
    runs.put(uploadId, IngestionProgress.queued());
    worker.execute(() -> run(uploadId, relativePath)); // execute, not submit: nothing may vanish in a Future
    return uploadId;
  }

  @Override
  public IngestionProgress poll(String runRef) {
    IngestionProgress p = runs.get(runRef);
    if (p == null) {
      return IngestionProgress.failed("La carga se interrumpió porque la aplicación se reinició; vuelve a subir el archivo.");
    }
    return p;
  }

  /**
   * Runs one upload to its end: whatever happens (Spark's checked {@code AnalysisException}, an {@code Error}), the
   * run ends LOADED / PARTIAL / FAILED with the reason, and a failure is logged.
   */
  private void run(String id, String relativePath) {
    runs.put(id, new IngestionProgress(UploadStatus.RUNNING, "Preparando el motor de datos…", List.of(), null));
    try {
      IngestConfig cfg = IngestJob.config("--source", runtime.workspace().uploads().toString(),
          "--archive", runtime.workspace().archive().toString(), "--files", relativePath);
      IngestJob.checkTargets(cfg);
      // runtime.spark() also makes the workspace's session this thread's active one (Delta's catalog, not V2's)
      IngestReport report = new Ingestion(runtime.spark(), cfg,
          line -> runs.put(id, new IngestionProgress(UploadStatus.RUNNING, line.strip(), List.of(), null))).run();
      System.out.println(report.summary());
      runs.put(id, IngestionProgress.finished(report.files().stream().map(LocalIngestionJobs::result).toList()));
    } catch (Throwable e) { // NOPMD: a run must never stay RUNNING; Spark throws checked exceptions undeclared
      if (e instanceof IllegalArgumentException) {
        LOG.warn("La carga {} ({}) no se hizo: {}", id, relativePath, e.getMessage());
      } else {
        LOG.error("La carga {} ({}) falló", id, relativePath, e);
      }
      runs.put(id, IngestionProgress.failed(e instanceof IllegalArgumentException
          ? "La carga no se hizo: " + reason(e)
          : "La carga falló por un error del motor de datos (" + e.getClass().getSimpleName() + "): " + reason(e)));
      if (e instanceof VirtualMachineError vme) {
        throw vme;
      }
    }
  }

  /** The innermost message of a failure, short enough for the Datos page. */
  static String reason(Throwable e) {
    Throwable c = e;
    String message = null;
    for (int depth = 0; c != null && depth < 20; c = c.getCause(), depth++) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        message = c.getMessage();
        if (!(c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException)) {
          break;
        }
      }
    }
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    message = message.strip();
    return message.length() > 500 ? message.substring(0, 500) + "…" : message;
  }

  private static FileResult result(FileOutcome o) {
    return new FileResult(o.file(), o.table(), o.status().name(), o.rowsRead(), o.rowsLoaded(), o.rowsQuarantined(), o.message());
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
