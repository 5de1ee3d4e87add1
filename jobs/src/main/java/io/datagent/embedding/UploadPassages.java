package io.datagent.embedding;

import io.datagent.retrieval.DocumentKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Passages of the text files in the uploads Volume.
 *
 * <p>Which files: every Markdown file ({@code .md}, {@code .markdown}) anywhere in the Volume, and every {@code .txt}
 * or Markdown file under the {@code _docs/} folder. IngestJob skips folders whose name starts with {@code _} and
 * never reads Markdown, so no file is both a table and a set of passages; a {@code .txt} anywhere else is data for
 * IngestJob (delimited text). Hidden files and folders are skipped. Files are read as UTF-8, else ISO-8859-1.
 * Empty, binary (NUL bytes) and oversized files are skipped with the reason added to {@code skipped}.
 */
public final class UploadPassages {

  public static final String DOCS_FOLDER = "_docs";
  static final long MAX_BYTES = 20L * 1024 * 1024;

  private UploadPassages() {}

  public static List<Row> read(Path uploads, int maxChars, List<String> skipped) {
    List<Row> out = new ArrayList<>();
    if (uploads == null || !Files.isDirectory(uploads)) {
      return out;
    }
    PassageSplitter splitter = new PassageSplitter(maxChars);
    for (Path p : files(uploads)) {
      String rel = uploads.relativize(p).toString().replace('\\', '/');
      String content = content(p, rel, skipped);
      if (content == null) {
        continue;
      }
      List<PassageSplitter.Passage> passages = splitter.split(p.getFileName().toString(), content);
      if (passages.isEmpty()) {
        skipped.add(rel + ": sin texto, omitido");
      }
      for (PassageSplitter.Passage ps : passages) {
        String id = "passage:" + rel + ":" + ps.line() + (ps.part() == 0 ? "" : ":" + ps.part());
        out.add(RowFactory.create(id, DocumentKind.PASSAGE, null, rel, (long) ps.line(), ps.text(), ContentHash.of(ps.text())));
      }
    }
    return out;
  }

  static List<Path> files(Path uploads) {
    try (Stream<Path> walk = Files.walk(uploads)) {
      return walk.filter(Files::isRegularFile).filter(p -> isPassageFile(uploads.relativize(p))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no se pudo recorrer " + uploads, e);
    }
  }

  static boolean isPassageFile(Path rel) {
    for (int i = 0; i < rel.getNameCount(); i++) {
      if (rel.getName(i).toString().startsWith(".")) {
        return false;
      }
    }
    String name = rel.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean markdown = name.endsWith(".md") || name.endsWith(".markdown");
    boolean inDocs = rel.getNameCount() > 1 && rel.getName(0).toString().equals(DOCS_FOLDER);
    return markdown || (inDocs && name.endsWith(".txt"));
  }

  private static String content(Path p, String rel, List<String> skipped) {
    try {
      long size = Files.size(p);
      if (size == 0) {
        skipped.add(rel + ": archivo vacío, omitido");
        return null;
      }
      if (size > MAX_BYTES) {
        skipped.add(rel + ": " + size / (1024 * 1024) + " MB, más que el máximo de " + MAX_BYTES / (1024 * 1024) + " MB, omitido");
        return null;
      }
      byte[] bytes = Files.readAllBytes(p);
      for (byte b : bytes) {
        if (b == 0) {
          skipped.add(rel + ": parece binario (contiene bytes nulos), omitido");
          return null;
        }
      }
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
      } catch (CharacterCodingException e) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
    } catch (IOException e) {
      skipped.add(rel + ": no se pudo leer (" + e.getMessage() + "), omitido");
      return null;
    }
  }
}
