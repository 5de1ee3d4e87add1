package io.datagent.app.uploads;

import io.datagent.app.Refusal;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.state.UploadStore;
import io.datagent.naming.Names;
import io.datagent.naming.ReservedNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads from the Datos page: checks the file, records it, hands it to the {@link IngestionJobs} port and follows
 * the run until it ends (a background poll writes progress and results into {@code app.uploads}).
 */
public final class UploadService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
  private static final int HEAD = 64 * 1024;

  private final UploadStore store;
  private final IngestionJobs jobs;
  private final UploadPolicy policy;
  private final DataCatalog catalog;
  private final ScheduledExecutorService tracker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "datagent-upload-tracker");
    t.setDaemon(true);
    return t;
  });

  public UploadService(UploadStore store, IngestionJobs jobs, UploadPolicy policy, DataCatalog catalog) {
    this.store = store;
    this.jobs = jobs;
    this.policy = policy;
    this.catalog = catalog;
  }

  public UploadPolicy policy() {
    return policy;
  }

  /** Starts following runs every {@code millis}. */
  public UploadService track(long millis) {
    tracker.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Checks and stages one file, then starts its ingestion; the returned upload is QUEUED (or FAILED to start). */
  public Upload accept(String user, String originalName, String dataset, InputStream content) throws IOException {
    String name = policy.safeName(originalName);
    String folder = datasetFolder(dataset);
    refuseReserved(folder, name, dataset);
    Path tmp = Files.createTempFile("datagent-upload-", ".part");
    try {
      long size = copyLimited(content, tmp);
      policy.checkSize(size);
      byte[] head = new byte[HEAD];
      int n;
      try (InputStream in = Files.newInputStream(tmp)) {
        n = in.readNBytes(head, 0, HEAD);
      }
      policy.checkContent(name, head, n);
      String relative = folder == null ? name : folder + "/" + name;
      UUID id = UUID.randomUUID();
      Upload upload = new Upload(id, user, name, folder, jobs.volumePath(relative), size, UploadStatus.QUEUED, "En cola",
          null, 0, 0, List.of(), null, Instant.now(), null, null);
      store.insert(upload);
      try {
        store.started(id, jobs.start(id.toString(), tmp, relative));
      } catch (IOException | RuntimeException e) {
        LOG.warn("upload {} could not start", id, e);
        store.progress(id, IngestionProgress.failed("No se pudo dejar el archivo en la carpeta de cargas ni lanzar la "
            + "carga: " + e.getMessage()));
      }
      return store.find(id).orElse(upload);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public Optional<Upload> find(UUID id, String user) {
    return store.find(id).filter(u -> u.userEmail().equals(user));
  }

  public List<Upload> recent(String user, int limit) {
    return store.byUser(user, limit);
  }

  /** One round of following the active runs (also what the tracker runs). */
  public void pollOnce() {
    for (Upload u : store.active()) {
      IngestionProgress p;
      if (u.runRef() == null) {
        if (u.createdAt().isAfter(Instant.now().minusSeconds(60))) {
          continue;
        }
        p = IngestionProgress.failed("La carga no llegó a empezar.");
      } else {
        p = jobs.poll(u.runRef());
      }
      if (p.status() != u.status() || !java.util.Objects.equals(p.progress(), u.progress()) || p.status().done()) {
        store.progress(u.id(), p);
      }
      if (p.status().done()) {
        catalog.refresh();
      }
    }
  }

  private void pollSafely() {
    try {
      pollOnce();
    } catch (Exception | LinkageError | AssertionError e) { // a scheduled task that throws is never run again
      LOG.warn("No se pudo seguir el estado de las cargas en curso; se reintenta en la próxima vuelta", e);
    }
  }

  /**
   * Refuses an upload whose target table (the dataset, or the file's name for a file without one) is one the
   * platform writes itself ({@link ReservedNames}), before anything is staged.
   */
  private static void refuseReserved(String folder, String name, String dataset) {
    String table;
    String shown;
    if (folder != null) {
      table = folder;
      shown = dataset;
    } else {
      int dot = name.lastIndexOf('.');
      shown = dot > 0 ? name.substring(0, dot) : name;
      table = Names.toIdentifier(shown);
    }
    // "_ingestion_log" becomes the identifier "ingestion_log": the name as written must not be reserved either
    String written = shown == null ? "" : shown.strip();
    ReservedNames.refusal(ReservedNames.isReserved(written) ? written : table, shown).ifPresent(m -> {
      throw Refusal.invalid(m);
    });
  }

  private String datasetFolder(String dataset) {
    if (dataset == null || dataset.isBlank()) {
      return null;
    }
    String id = Names.toIdentifier(dataset.strip());
    if (!id.matches("[a-z][a-z0-9_]{0,62}")) {
      throw Refusal.invalid("El nombre de tabla «" + dataset.strip() + "» no es válido.");
    }
    return id;
  }

  private long copyLimited(InputStream in, Path target) throws IOException {
    long total = 0;
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > policy.maxBytes()) {
          policy.checkSize(total);
        }
        out.write(buf, 0, n);
      }
    }
    return total;
  }

  @Override
  public void close() {
    tracker.shutdownNow();
  }
}
