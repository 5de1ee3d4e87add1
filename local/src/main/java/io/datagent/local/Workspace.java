package io.datagent.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local stand-in for a Databricks workspace: one folder holding the Delta tables of the {@code raw} and
 * {@code serving} schemas ({@code tables/}), the uploads Volume ({@code volumes/uploads/}), its archive
 * ({@code volumes/archive/}) and the App's own state ({@code state/}).
 */
public record Workspace(Path root) {

  public static final String DEFAULT = ".workspace";

  public Workspace {
    root = root.toAbsolutePath().normalize();
  }

  public Path tables() {
    return root.resolve("tables");
  }

  public Path uploads() {
    return root.resolve("volumes").resolve("uploads");
  }

  public Path archive() {
    return root.resolve("volumes").resolve("archive");
  }

  public Path state() {
    return root.resolve("state");
  }

  /** Creates the folder layout if missing. */
  public Workspace create() {
    try {
      Files.createDirectories(tables());
      Files.createDirectories(uploads());
      Files.createDirectories(archive());
      Files.createDirectories(state());
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo crear el espacio de trabajo en " + root, e);
    }
    return this;
  }
}
