package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pages of one run of one source, kept as received under {@code <uploads>/api/<source>/<run>/<table>/}:
 * {@code page-00001.json} (the body, byte for byte) and {@code page-00001.meta.json} (URL, status, response headers,
 * fetch time, record count and the next page's URL). A page counts as saved once its meta file exists (written
 * last, by atomic rename), which is what a resumed run starts after; {@code _complete.json} marks an endpoint done;
 * {@code _schema.json} keeps the API's description of the records when the source asks for it.
 */
public final class PageStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One saved page's metadata. */
  public record Saved(int page, String url, String nextUrl, int records, String sha256, String fetchedAt, Path body) {}

  private final Path root;

  public PageStore(Path uploads, String source, String run) {
    this.root = uploads.resolve("api").resolve(source).resolve(run);
  }

  public Path root() {
    return root;
  }

  Path dir(String table) {
    return root.resolve(table);
  }

  public boolean complete(String table) {
    return Files.exists(dir(table).resolve("_complete.json"));
  }

  void save(String table, int page, HttpPage p, String nextUrl, int records, String sha256) {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("page", page).put("url", p.url()).put("status", p.status()).put("fetched_at", p.fetchedAt().toString())
        .put("records", records).put("sha256", sha256).put("next_url", nextUrl);
    keep(dir(table), String.format("page-%05d", page), p, meta, "la página " + page);
  }

  /** Saves the API's description of the endpoint's records as received ({@code _schema.json}, headers beside it). */
  void saveSchema(String table, HttpPage p) {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("url", p.url()).put("status", p.status()).put("fetched_at", p.fetchedAt().toString());
    keep(dir(table), "_schema", p, meta, "la descripción de la API");
  }

  /** Writes a response's body as received to {@code <stem>.json} and {@code meta} plus its headers (no cookies) beside it. */
  private void keep(Path d, String stem, HttpPage p, ObjectNode meta, String what) {
    ObjectNode headers = meta.putObject("headers");
    p.headers().forEach((k, v) -> {
      if (k != null && !k.equalsIgnoreCase("set-cookie")) {
        headers.put(k, String.join(", ", v));
      }
    });
    try {
      Files.createDirectories(d);
      write(d.resolve(stem + ".json"), p.body().getBytes(StandardCharsets.UTF_8));
      write(d.resolve(stem + ".meta.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo guardar " + what + " en " + d, e);
    }
  }

  /** The saved description of the endpoint's records, or null when none was saved. */
  JsonNode schema(String table) {
    Path f = dir(table).resolve("_schema.meta.json");
    try {
      return Files.exists(f) ? JSON.readTree(dir(table).resolve("_schema.json").toFile()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo leer la descripción de la API guardada en " + dir(table), e);
    }
  }

  void markComplete(String table, int pages, long records) {
    ObjectNode n = JSON.createObjectNode().put("pages", pages).put("records", records);
    try {
      write(dir(table).resolve("_complete.json"), JSON.writeValueAsBytes(n));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The saved pages of {@code table}, in page order (only those whose meta file was written). */
  public List<Saved> pages(String table) {
    Path d = dir(table);
    List<Saved> out = new ArrayList<>();
    if (!Files.isDirectory(d)) {
      return out;
    }
    try (Stream<Path> s = Files.list(d)) {
      for (Path m : (Iterable<Path>) s.filter(f -> f.getFileName().toString().matches("page-\\d+\\.meta\\.json")).sorted()::iterator) {
        JsonNode n = JSON.readTree(m.toFile());
        String stem = m.getFileName().toString().replace(".meta.json", "");
        out.add(new Saved(n.get("page").asInt(), n.get("url").asText(), n.hasNonNull("next_url") ? n.get("next_url").asText() : null,
            n.get("records").asInt(), n.get("sha256").asText(), n.get("fetched_at").asText(), d.resolve(stem + ".json")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudieron leer las páginas guardadas en " + d, e);
    }
    return out;
  }

  private static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
