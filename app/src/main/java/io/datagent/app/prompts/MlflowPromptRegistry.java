package io.datagent.app.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.prompt.registry.AliasChange;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptRegistryException;
import io.datagent.agent.prompt.registry.PromptVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt registry in MLflow's Prompt Registry on Unity Catalog (a prompt is a UC securable
 * {@code catalog.schema.name}; versions are immutable templates; aliases are movable). Shapes as in mlflow's
 * {@code unity_catalog_prompt_messages.proto} and {@code UcModelRegistryStore}: the template is stored JSON-encoded
 * (as MLflow's Python client stores a text template), the commit message is the version's {@code description}, and the
 * author and content hash travel as version tags ({@value #AUTHOR_TAG}, {@value #SHA_TAG}) since the UC version has no
 * author field.
 *
 * <p>NOTE: idempotency is by reading the versions first; two processes registering the same new text at the same
 * instant can create two versions with equal content (the PostgreSQL side locks; UC offers no conditional create).
 */
public final class MlflowPromptRegistry implements PromptRegistry {

  static final String AUTHOR_TAG = "datagent.author";
  static final String SHA_TAG = "datagent.content_sha256";

  private final MlflowPromptApi api;
  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();

  public MlflowPromptRegistry(MlflowPromptApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  @Override
  public int register(String name, String content, String author, String message) {
    PromptNames.checkNew(name, content);
    String sha = PromptVersion.sha256(content);
    if (api.get(path(name)) == null) {
      api.post(MlflowPromptApi.BASE, Map.of("name", name, "prompt", Map.of("name", name,
          "description", "Instrucciones del agente datagent")), false);
    }
    for (PromptVersion v : versions(name)) {
      if (v.sha256().equals(sha)) {
        return v.version();
      }
    }
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("name", name);
    version.put("template", json(content));
    version.put("description", message == null ? "" : message);
    version.put("tags", List.of(Map.of("key", AUTHOR_TAG, "value", author == null ? "desconocido" : author),
        Map.of("key", SHA_TAG, "value", sha)));
    JsonNode created = api.post(path(name) + "/versions", Map.of("name", name, "prompt_version", version), false);
    return number(created.path("version").asText(""), "la versión creada");
  }

  @Override
  public List<PromptVersion> versions(String name) {
    PromptNames.checkName(name);
    JsonNode prompt = api.get(path(name));
    if (prompt == null) {
      return List.of();
    }
    Map<Integer, List<String>> aliases = new HashMap<>();
    for (JsonNode a : prompt.path("aliases")) {
      aliases.computeIfAbsent(number(a.path("version").asText(""), "un alias"), k -> new ArrayList<>())
          .add(a.path("alias").asText());
    }
    List<PromptVersion> out = new ArrayList<>();
    String page = null;
    do {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("max_results", 100);
      if (page != null) {
        body.put("page_token", page);
      }
      JsonNode res = api.post(path(name) + "/versions/search", body, true);
      if (res == null) {
        return List.of();
      }
      for (JsonNode v : res.path("prompt_versions")) {
        int n = number(v.path("version").asText(""), "una versión");
        out.add(version(name, v, aliases.getOrDefault(n, List.of())));
      }
      page = res.path("next_page_token").asText("");
    } while (!page.isEmpty());
    out.sort((a, b) -> Integer.compare(b.version(), a.version()));
    return out;
  }

  @Override
  public Optional<PromptVersion> byAlias(String name, String alias) {
    PromptNames.checkName(name);
    PromptNames.checkAlias(alias);
    JsonNode v = api.get(path(name) + "/versions/by-alias/" + alias);
    if (v == null) {
      return Optional.empty();
    }
    List<String> aliases = new ArrayList<>();
    v.path("aliases").forEach(a -> aliases.add(a.path("alias").asText()));
    if (!aliases.contains(alias)) {
      aliases.add(alias);
    }
    return Optional.of(version(name, v, aliases));
  }

  @Override
  public Optional<PromptVersion> version(String name, int version) {
    PromptNames.checkName(name);
    JsonNode v = api.get(path(name) + "/versions/" + version);
    return v == null ? Optional.empty() : Optional.of(version(name, v, List.of()));
  }

  @Override
  public AliasChange setAlias(String name, String alias, int version, String by) {
    PromptNames.checkAlias(alias);
    if (version(name, version).isEmpty()) {
      throw PromptNames.noSuchVersion(name, version);
    }
    Integer from = byAlias(name, alias).map(PromptVersion::version).orElse(null);
    api.post(path(name) + "/aliases/" + alias, Map.of("name", name, "alias", alias, "version", String.valueOf(version)), false);
    return new AliasChange(name, alias, from, version, by, clock.instant());
  }

  private PromptVersion version(String name, JsonNode v, List<String> aliases) {
    Map<String, String> tags = new HashMap<>();
    v.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
    String content = template(v.path("template").asText(""));
    return new PromptVersion(name, number(v.path("version").asText(""), "una versión"), content,
        PromptVersion.sha256(content), tags.getOrDefault(AUTHOR_TAG, "desconocido"), v.path("description").asText(""),
        instant(v.path("creation_timestamp")), aliases);
  }

  /** MLflow stores a text template JSON-encoded; a template written by other clients may be plain. */
  private String template(String stored) {
    if (stored.startsWith("\"")) {
      try {
        return mapper.readValue(stored, String.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return stored;
      }
    }
    return stored;
  }

  private String json(String content) {
    try {
      return mapper.writeValueAsString(content);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A protobuf Timestamp in JSON is an RFC 3339 string; some servers send epoch milliseconds. */
  private static Instant instant(JsonNode ts) {
    if (ts.isNumber()) {
      return Instant.ofEpochMilli(ts.asLong());
    }
    try {
      return ts.isTextual() ? Instant.parse(ts.asText()) : Instant.EPOCH;
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static int number(String s, String what) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new PromptRegistryException("El registro de prompts de MLflow devolvió un número de versión no válido en "
          + what + ": '" + s + "'", 502);
    }
  }

  private static String path(String name) {
    return MlflowPromptApi.BASE + "/" + name;
  }
}
