package io.datagent.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a local table folder that has no committed Delta version out of the way, to
 * {@code <workspace>/tables/_quarantine/<schema>.<table>.<time>/}: nothing is deleted, the folder is kept for a look,
 * and the table name is free again for the next write, which re-creates it from the kept source file.
 *
 * <p>Such a folder is what a process killed during a table's first write leaves. A folder may also be a first write
 * still in progress in <em>another</em> live process (the App ingesting while {@code ./agent sql} starts): every
 * process that attaches a workspace holds a shared lock on {@code tables/.sessions.lock} for its lifetime (the OS
 * drops it when the process dies, {@code kill -9} included). When no other process holds it the folder is certainly
 * abandoned and is moved at once; otherwise it is moved only when nothing in it changed for {@link #GRACE}, and
 * until then it is just left unregistered.
 */
public final class TableQuarantine {

  private static final Logger LOG = LoggerFactory.getLogger(TableQuarantine.class);
  public static final String FOLDER = "_quarantine";
  static final Duration GRACE = Duration.ofSeconds(Long.getLong("datagent.quarantine.graceSeconds", 120));
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

  private static final Map<Path, FileChannel> CHANNELS = new HashMap<>();
  private static final Map<Path, FileLock> SHARED = new HashMap<>();

  private TableQuarantine() {}

  /** Where the folders of a workspace are moved to. */
  public static Path root(Path workspace) {
    return workspace.toAbsolutePath().normalize().resolve("tables").resolve(FOLDER);
  }

  /**
   * Moves {@code folder} (table {@code schema.<name>} without a committed version) aside when no live process may
   * still be writing it. Returns the new place, or null when it was left where it is.
   */
  public static Path moveAside(Path workspace, String schema, Path folder) {
    Path ws = workspace.toAbsolutePath().normalize();
    String table = folder.getFileName().toString();
    if (othersAlive(ws)) {
      long idle = idleMillis(folder);
      if (idle < GRACE.toMillis()) {
        LOG.warn("La carpeta de la tabla {}.{} no tiene ninguna versión confirmada y otro proceso usa el espacio de "
            + "trabajo (quizá la está escribiendo ahora): no se registra todavía.", schema, table);
        return null;
      }
    }
    Path target = root(ws).resolve(schema + "." + table + "." + LocalDateTime.now(ZoneOffset.UTC).format(STAMP));
    try {
      Files.createDirectories(target.getParent());
      Files.move(folder, target);
    } catch (IOException e) {
      throw new UncheckedIOException("no se pudo apartar la carpeta incompleta " + folder + " a " + target, e);
    }
    LOG.warn("La tabla {}.{} quedó a medio crear (el proceso que la escribía se interrumpió antes de confirmar la "
        + "primera versión). Se ha apartado su carpeta, sin borrar nada, a {}; la próxima carga del archivo la vuelve "
        + "a crear.", schema, table, target);
    return target;
  }

  /** Takes this process's shared lock on the workspace (held until the process ends). */
  public static synchronized void hold(Path workspace) {
    Path ws = workspace.toAbsolutePath().normalize();
    if (SHARED.containsKey(ws)) {
      return;
    }
    try {
      FileLock lock = channel(ws).tryLock(0, Long.MAX_VALUE, true);
      if (lock != null) {
        SHARED.put(ws, lock);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("workspace lock not taken: {}", e.toString());
    }
  }

  /** True when another live process holds the workspace's lock (or that cannot be told). */
  static synchronized boolean othersAlive(Path ws) {
    try {
      FileChannel ch = channel(ws);
      FileLock mine = SHARED.remove(ws);
      if (mine != null) {
        mine.release();
      }
      FileLock exclusive = ch.tryLock(0, Long.MAX_VALUE, false);
      boolean others = exclusive == null;
      if (exclusive != null) {
        exclusive.release();
      }
      hold(ws);
      return others;
    } catch (IOException | RuntimeException e) {
      LOG.debug("workspace lock not readable: {}", e.toString());
      return true;
    }
  }

  private static FileChannel channel(Path ws) throws IOException {
    FileChannel ch = CHANNELS.get(ws);
    if (ch == null || !ch.isOpen()) {
      Path file = ws.resolve("tables").resolve(".sessions.lock");
      Files.createDirectories(file.getParent());
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      CHANNELS.put(ws, ch);
    }
    return ch;
  }

  private static long idleMillis(Path folder) {
    long newest = 0;
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        try {
          newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
        } catch (IOException e) {
          // vanished meanwhile: someone is working on it
          return 0;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
    return System.currentTimeMillis() - newest;
  }
}
