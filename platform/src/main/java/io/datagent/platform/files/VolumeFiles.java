package io.datagent.platform.files;

import com.databricks.sdk.service.files.DownloadResponse;
import com.databricks.sdk.service.files.UploadRequest;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files in Unity Catalog Volumes through the SDK's Files API ({@code /api/2.0/fs/files/Volumes/...}). */
public final class VolumeFiles {

  private final Platform platform;

  public VolumeFiles(Platform platform) {
    this.platform = platform;
  }

  /** Uploads {@code file} to {@code volumePath} (e.g. {@code /Volumes/main/raw/uploads/a.csv}), replacing it. */
  public void upload(String volumePath, Path file) {
    platform.call(Operation.of("upload " + volumePath, "subir el archivo a " + volumePath), w -> {
      try (InputStream in = Files.newInputStream(file)) {
        w.files().upload(new UploadRequest().setFilePath(encoded(volumePath)).setContents(in).setOverwrite(true));
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Uploads {@code content} to {@code volumePath}, replacing it. */
  public void upload(String volumePath, byte[] content) {
    platform.call(Operation.of("upload " + volumePath, "subir el archivo a " + volumePath), w -> {
      w.files().upload(new UploadRequest().setFilePath(encoded(volumePath))
          .setContents(new java.io.ByteArrayInputStream(content)).setOverwrite(true));
      return null;
    });
  }

  /**
   * Each segment percent-encoded, for uploads only. NOTE: the SDK (0.141) encodes the path, but a request with a query
   * ({@code ?overwrite=true}) is rebuilt by {@code Request.getUri()} from the decoded path, so a space or an accent
   * makes an invalid URI ("Illegal character in path"); encoded once more here, it reaches the wire encoded once.
   * Downloads carry no query and are encoded by the SDK alone.
   */
  static String encoded(String volumePath) {
    return java.util.Arrays.stream(volumePath.split("/")).filter(p -> !p.isEmpty())
        .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(java.util.stream.Collectors.joining("/", "/", ""));
  }

  /**
   * The names of the files and folders directly in {@code volumeDirectory} (e.g. {@code /Volumes/main/raw/uploads/api}),
   * folders with a trailing {@code /}; empty when the directory does not exist.
   */
  public java.util.List<String> list(String volumeDirectory) {
    try {
      return platform.call(Operation.of("list " + volumeDirectory, "listar " + volumeDirectory), w -> {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (com.databricks.sdk.service.files.DirectoryEntry e : w.files().listDirectoryContents(volumeDirectory)) {
          out.add(e.getName() + (Boolean.TRUE.equals(e.getIsDirectory()) ? "/" : ""));
        }
        return out;
      });
    } catch (io.datagent.platform.PlatformException e) {
      if (e.status() == 404) {
        return java.util.List.of();
      }
      throw e;
    }
  }

  /** The bytes of {@code volumePath}. */
  public byte[] download(String volumePath) {
    return platform.call(Operation.of("download " + volumePath, "descargar " + volumePath), w -> {
      DownloadResponse r = w.files().download(volumePath);
      try (InputStream in = r.getContents()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
