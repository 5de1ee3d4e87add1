package io.datagent.app.apisources;

import io.datagent.platform.PlatformException;
import io.datagent.platform.files.VolumeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port: the files the API-source jobs keep in the uploads Volume (source definitions in {@code api/_sources/}, each
 * source's {@code api/<source>/_state.json}, a run's {@code api/<source>/<run>/<table>/_complete.json}), by path
 * relative to the Volume. Locally a folder; on Databricks the Volume through the platform's Files API.
 */
public interface ApiSourceFiles {

  /** Names of the entries directly in {@code folder} (folders end in {@code /}); empty when there is no such folder. */
  List<String> list(String folder);

  /** The text of {@code file}; empty when there is no such file. */
  Optional<String> read(String file);

  /** The uploads Volume of the local runtime: a folder on disk. */
  static ApiSourceFiles directory(Path uploads) {
    return new ApiSourceFiles() {
      @Override
      public List<String> list(String folder) {
        Path d = uploads.resolve(folder);
        if (!Files.isDirectory(d)) {
          return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
          return s.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Optional<String> read(String file) {
        Path f = uploads.resolve(file);
        try {
          return Files.isRegularFile(f) ? Optional.of(Files.readString(f)) : Optional.empty();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** The uploads Volume on Databricks ({@code /Volumes/<catalog>/<schema>/<volume>}), as the App's service principal. */
  static ApiSourceFiles volume(VolumeFiles files, String volume) {
    String root = volume.replaceAll("/+$", "") + "/";
    return new ApiSourceFiles() {
      @Override
      public List<String> list(String folder) {
        return files.list(root + folder);
      }

      @Override
      public Optional<String> read(String file) {
        try {
          return Optional.of(new String(files.download(root + file), StandardCharsets.UTF_8));
        } catch (PlatformException e) {
          if (e.status() == 404) {
            return Optional.empty();
          }
          throw e;
        }
      }
    };
  }
}
