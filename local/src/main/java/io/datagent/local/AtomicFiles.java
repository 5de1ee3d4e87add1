package io.datagent.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files written so that a reader never sees them half-written. */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code target} through a hidden sibling ({@code .<name>.part}, ignored by the ingestion's
   * file discovery) renamed into place, so a process killed mid-copy never leaves a truncated file that a later run
   * would load.
   */
  public static void write(Path target, InputStream content) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
    Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** {@link #write} with the content of another file. */
  public static void copy(Path from, Path target) throws IOException {
    try (InputStream in = Files.newInputStream(from)) {
      write(target, in);
    }
  }
}
