package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.datagent.naming.Names;
import io.datagent.naming.ReservedNames;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and validates a source file (YAML, one source per file). Every refusal is a {@link SourceDefinitionException}
 * naming the file and the key; nothing is called before the whole file is valid.
 */
public final class SourceDefinitions {

  private static final YAMLMapper YAML = new YAMLMapper();

  private SourceDefinitions() {}

  public static ApiSource read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new SourceDefinitionException("Fuente " + file + ": no se pudo leer el archivo (" + e.getMessage() + ")");
    }
    return parse(file.getFileName().toString(), text);
  }

  public static ApiSource parse(String fileName, String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new SourceDefinitionException("Fuente " + fileName + ": no es YAML válido (" + why + ")"
          + (why != null && why.contains("cannot start any token")
              ? "; un valor que empieza por @, `, *, &, !, %, | o > va entre comillas, p. ej. records: \"@graph\"" : ""));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new SourceDefinitionException("Fuente " + fileName + ": el archivo está vacío");
    }
    YamlNode r = new YamlNode(fileName, "", root)
        .only(Set.of("source", "base_url", "auth", "rate_limit", "retry", "incremental", "endpoints"));
    String name = r.text("source");
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw r.child("source").error("debe ser un identificador en minúsculas (letras, números y _), no '" + name + "'");
    }
    String base = r.text("base_url");
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException e) {
      throw r.child("base_url").error("no es una URL válida: " + base);
    }
    if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
      throw r.child("base_url").error("debe ser una URL http:// o https:// completa, no '" + base + "'");
    }
    Auth auth = r.has("auth") ? auth(r.child("auth")) : Auth.NONE;
    ApiSource.CallPolicy calls = calls(r);
    ApiSource.Incremental inc = ApiSource.Incremental.NONE;
    if (r.has("incremental")) {
      YamlNode i = r.child("incremental").only(Set.of("param", "field"));
      inc = new ApiSource.Incremental(i.text("param"), i.text("field"));
    }
    List<ApiEndpoint> endpoints = new ArrayList<>();
    Set<String> tables = new HashSet<>();
    for (YamlNode e : r.list("endpoints")) {
      ApiEndpoint ep = endpoint(e);
      if (!tables.add(ep.table())) {
        throw e.child("table").error("la tabla '" + ep.table() + "' ya la usa otro endpoint de esta fuente");
      }
      endpoints.add(ep);
    }
    return new ApiSource(name, base.endsWith("/") ? base.substring(0, base.length() - 1) : base, auth, calls, inc, endpoints);
  }

  private static Auth auth(YamlNode a) {
    a.only(Set.of("type", "scope", "key", "password_key", "name"));
    String type = a.text("type").toLowerCase(Locale.ROOT);
    Auth.Kind kind = switch (type) {
      case "none" -> Auth.Kind.NONE;
      case "bearer" -> Auth.Kind.BEARER;
      case "basic" -> Auth.Kind.BASIC;
      case "api_key_header" -> Auth.Kind.API_KEY_HEADER;
      case "api_key_query" -> Auth.Kind.API_KEY_QUERY;
      default -> throw a.child("type").error("valor '" + type + "' no válido; se admite none, bearer, basic, api_key_header o api_key_query");
    };
    if (kind == Auth.Kind.NONE) {
      return Auth.NONE;
    }
    String password = kind == Auth.Kind.BASIC ? a.text("password_key") : null;
    String name = kind == Auth.Kind.API_KEY_HEADER || kind == Auth.Kind.API_KEY_QUERY ? a.text("name") : null;
    return new Auth(kind, a.text("scope"), a.text("key"), password, name);
  }

  private static ApiSource.CallPolicy calls(YamlNode r) {
    ApiSource.CallPolicy d = ApiSource.CallPolicy.DEFAULT;
    long interval = d.minIntervalMillis();
    if (r.has("rate_limit")) {
      YamlNode rl = r.child("rate_limit").only(Set.of("requests_per_second"));
      interval = Math.round(1000.0 / rl.number("requests_per_second", 1000, 0));
    }
    if (!r.has("retry")) {
      return new ApiSource.CallPolicy(interval, d.maxAttempts(), d.baseDelayMillis(), d.maxDelayMillis(), d.timeoutSeconds());
    }
    YamlNode t = r.child("retry").only(Set.of("max_attempts", "base_delay_ms", "max_delay_ms", "timeout_seconds"));
    return new ApiSource.CallPolicy(interval, t.integer("max_attempts", d.maxAttempts(), 1, 20),
        t.integer("base_delay_ms", (int) d.baseDelayMillis(), 1, 600_000), t.integer("max_delay_ms", (int) d.maxDelayMillis(), 1, 3_600_000),
        t.integer("timeout_seconds", d.timeoutSeconds(), 1, 3600));
  }

  private static ApiEndpoint endpoint(YamlNode e) {
    e.only(Set.of("path", "table", "records", "id", "params", "pagination", "fields", "html", "descriptions", "schema"));
    String table = e.text("table");
    if (!table.equals(Names.toIdentifier(table))) {
      throw e.child("table").error("debe ser un identificador (minúsculas, números y _), p. ej. '" + Names.toIdentifier(table) + "'");
    }
    ReservedNames.refusal(table, table).ifPresent(m -> {
      throw e.child("table").error(m);
    });
    Pagination p = e.has("pagination") ? pagination(e.child("pagination")) : Pagination.NONE;
    String records = e.has("records") ? bodyPath(e, "records") : "";
    return new ApiEndpoint(e.text("path"), table, records, id(e), e.textMap("params"), p,
        e.texts("fields"), e.texts("html"), e.textMap("descriptions"), e.has("schema") ? schema(e.child("schema")) : SchemaSource.NONE);
  }

  /** A path into a response body (dotted or JSONPath, see {@link Records}), checked before any request. */
  private static String bodyPath(YamlNode node, String key) {
    String path = node.text(key);
    String bad = Records.problem(path);
    if (bad != null) {
      throw node.child(key).error("'" + path + "': " + bad);
    }
    return path;
  }

  /** {@code id: field} or {@code id: [field, field…]} (a composite key). */
  private static RecordKey id(YamlNode e) {
    YamlNode id = e.child("id");
    if (!id.node().isArray()) {
      return RecordKey.single(e.text("id"));
    }
    if (id.node().isEmpty()) {
      throw id.error("debe ser un campo o una lista de campos con al menos uno");
    }
    Set<String> fields = new java.util.LinkedHashSet<>();
    for (int i = 0; i < id.node().size(); i++) {
      YamlNode item = new YamlNode(id.file(), id.path() + "[" + i + "]", id.node().get(i));
      if (!item.node().isTextual() || item.node().asText().isBlank()) {
        throw item.error("debe ser el nombre de un campo (texto no vacío), no '" + item.node() + "'");
      }
      if (!fields.add(item.node().asText().trim())) {
        throw item.error("el campo '" + item.node().asText().trim() + "' ya está en la clave");
      }
    }
    return new RecordKey(List.copyOf(fields));
  }

  private static SchemaSource schema(YamlNode s) {
    s.only(Set.of("type", "url", "component"));
    String type = s.text("type").toLowerCase(Locale.ROOT);
    return switch (type) {
      case "wordpress" -> new SchemaSource(SchemaSource.Kind.WORDPRESS, url(s, null), null);
      case "openapi" -> new SchemaSource(SchemaSource.Kind.OPENAPI, url(s, ""), s.text("component"));
      default -> throw s.child("type").error("valor '" + type + "' no válido; se admite wordpress u openapi");
    };
  }

  /** {@code url}: absolute http(s), or a path starting with / (appended to base_url); {@code otherwise} "" = required. */
  private static String url(YamlNode s, String otherwise) {
    String u = otherwise != null && otherwise.isEmpty() ? s.text("url") : s.text("url", otherwise);
    if (u != null && !u.startsWith("/") && !u.matches("(?i)https?://[^/\\s]+.*")) {
      throw s.child("url").error("debe ser una URL http(s):// completa o una ruta que empiece por / (se añade a base_url), no '" + u + "'");
    }
    return u;
  }

  private static Pagination pagination(YamlNode p) {
    p.only(Set.of("type", "page_param", "per_page_param", "per_page", "cursor_param", "next", "offset_param", "limit_param",
        "limit", "max_pages"));
    String type = p.text("type").toLowerCase(Locale.ROOT);
    int maxPages = p.integer("max_pages", 100_000, 1, 10_000_000);
    return switch (type) {
      case "none" -> Pagination.NONE;
      case "page" -> new Pagination(Pagination.Style.PAGE, p.text("page_param", "page"), p.text("per_page_param", "per_page"),
          p.integer("per_page", 100, 1, 100_000), null, null, null, maxPages);
      case "link" -> new Pagination(Pagination.Style.LINK, null, p.text("per_page_param", null), p.integer("per_page", 0, 0, 100_000),
          null, null, null, maxPages);
      case "cursor" -> new Pagination(Pagination.Style.CURSOR, null, p.text("per_page_param", null), p.integer("per_page", 0, 0, 100_000),
          p.text("cursor_param", "cursor"), bodyPath(p, "next"), null, maxPages);
      case "next_url" -> new Pagination(Pagination.Style.NEXT_URL, null, null, 0, null, bodyPath(p, "next"), null, maxPages);
      case "offset" -> new Pagination(Pagination.Style.OFFSET, null, p.text("limit_param", "limit"), p.integer("limit", 100, 1, 100_000),
          null, null, p.text("offset_param", "offset"), maxPages);
      default -> throw p.child("type").error("valor '" + type + "' no válido; se admite none, page, link, cursor, next_url u offset");
    };
  }
}
