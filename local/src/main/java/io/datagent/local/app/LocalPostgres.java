package io.datagent.local.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The local stand-in for Lakebase: a real PostgreSQL (zonky embedded binaries) whose data directory lives under the
 * workspace ({@code <workspace>/state/postgres}), so conversations, feedback, uploads and traces survive restarts.
 * The first start runs initdb (about 2.5 s), later starts about 1 s. It listens on a free loopback port and trusts
 * local connections (user {@code postgres}).
 *
 * <p>NOTE: one instance per data directory at a time; {@link #start()} is idempotent, so the App and the monitor
 * can share one instance.
 */
public final class LocalPostgres implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalPostgres.class);

  private final Path dataDirectory;
  private EmbeddedPostgres postgres;
  private HikariDataSource pool;

  public LocalPostgres(Path dataDirectory) {
    this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
  }

  /** The data directory of a workspace's state database. */
  public static LocalPostgres inWorkspace(Path workspaceState) {
    return new LocalPostgres(workspaceState.resolve("postgres"));
  }

  /** Starts PostgreSQL (once) and returns a pooled DataSource on its {@code postgres} database. */
  public synchronized DataSource start() {
    if (pool != null) {
      return pool;
    }
    try {
      Files.createDirectories(dataDirectory);
      stopOrphan();
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "60")
          // A laptop's state database: a commit does not wait for the disk (a crash may lose the last moment's
          // writes, never consistency); Lakebase keeps its own durability settings.
          .setServerConfig("synchronous_commit", "off")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo arrancar PostgreSQL en " + dataDirectory, e);
    }
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    cfg.setUsername("postgres");
    cfg.setPoolName("local-state");
    cfg.setMaximumPoolSize(20);
    cfg.setMinimumIdle(2);
    pool = new HikariDataSource(cfg);
    return pool;
  }

  /**
   * Stops a server that a killed process left running on this data directory. The embedded server is a separate
   * process: after a {@code kill -9} of the App it keeps running, holding the directory, and every later start
   * fails. The owner of a live server holds a lock on {@code epg-lock} in the data directory for as long as it runs
   * (the OS drops it with the process); when that lock is free but {@code postmaster.pid} names a live PostgreSQL
   * process on this directory, the server is an orphan and is shut down (SIGTERM, then SIGKILL after 15 s; PostgreSQL
   * recovers from either on the next start).
   */
  private void stopOrphan() throws IOException {
    java.util.Optional<ProcessHandle> server = serverProcess().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    if (server.isEmpty()) {
      return;
    }
    Path lockFile = dataDirectory.resolve("epg-lock");
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.channels.FileLock lock = ch.tryLock();
      if (lock == null) {
        return; // a live process runs this server: its own start() reports the clash
      }
      lock.release();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return; // this JVM runs it
    }
    ProcessHandle p = server.get();
    LOG.warn("PostgreSQL (proceso {}) seguía en marcha sobre {} tras cerrarse de golpe la aplicación que lo usaba; "
        + "se detiene para volver a arrancarlo.", p.pid(), dataDirectory);
    p.destroy();
    try {
      p.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      p.destroyForcibly();
      try {
        p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception again) {
        throw new IOException("no se pudo detener el PostgreSQL huérfano " + p.pid(), again);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrumpido al detener el PostgreSQL huérfano " + p.pid(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e);
    }
  }

  public synchronized int port() {
    if (postgres == null) {
      throw new IllegalStateException("LocalPostgres is not started");
    }
    return postgres.getPort();
  }

  /** The PostgreSQL server's process (the postmaster; its backends are its children), when it is running. */
  public java.util.Optional<ProcessHandle> serverProcess() {
    try {
      java.util.List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      return lines.isEmpty() ? java.util.Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        postgres = null;
      }
    }
  }
}
