package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the CLI and the Apps runtime refuse in an App, checked offline for every {@code resources.apps.<key>}:
 * <ul>
 *   <li>its {@code source_code_path}, resolved like the CLI does (relative to the file that sets it), is a folder of
 *       the bundle with no file over 10 MB (deployment fails beyond), and a git-ignored {@code lib/} in it is brought
 *       back by a {@code sync.include} glob (else it is not uploaded);</li>
 *   <li>there is a command to start: {@code config.command} or the folder's {@code app.yaml} (or {@code app.yml}), a
 *       non-empty argv list of strings (it is not run in a shell);</li>
 *   <li>every env entry, in {@code config.env} ({@code value_from}) and in {@code app.yaml} ({@code valueFrom}), has a
 *       name used once and exactly one of the two value keys, and every value-from names a resource the App declares
 *       (else the App fails at start with an unresolved variable);</li>
 *   <li>with both {@code config} and {@code app.yaml} (CLI 0.297.0+: the CLI deploys {@code config}, app.yaml serves
 *       deployments made outside the bundle), app.yaml's command and each of its env entries equal those in
 *       {@code config}, so the two ways to deploy never disagree on a value;</li>
 *   <li>every secret resource is read by an env entry (a secret no variable reads is a grant for nothing);</li>
 *   <li>resource names are unique;</li>
 *   <li>per target ({@link #checkTarget}): no {@code config.env} value is empty once variables are substituted (the
 *       Apps API refuses an env var with an empty value).</li>
 * </ul>
 */
final class AppCheck {

  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private AppCheck() {}

  static List<Problem> check(Bundle bundle) {
    List<Problem> problems = new ArrayList<>();
    for (BundleFile file : bundle.files()) {
      file.doc().path("resources").path("apps").fields().forEachRemaining(app ->
          checkApp(bundle, file, app.getKey(), app.getValue(), problems));
    }
    return problems;
  }

  /** Per target: what the CLI would send in an App deployment, with variables substituted. */
  static List<Problem> checkTarget(TargetView view, JsonNode resolved) {
    List<Problem> problems = new ArrayList<>();
    resolved.path("resources").path("apps").fields().forEachRemaining(app -> {
      JsonNode env = app.getValue().path("config").path("env");
      for (int i = 0; i < env.size(); i++) {
        JsonNode value = env.get(i).get("value");
        if (value != null && value.isTextual() && value.asText().isEmpty()) {
          problems.add(view.problem(NodePath.of("resources", "apps", app.getKey(), "config", "env", i, "value"),
              env.get(i).path("name").asText() + " is empty here; the Apps API refuses an env var without a value "
                  + "(use a single space for \"none\" if the App reads it as blank)"));
        }
      }
    });
    return problems;
  }

  private static void checkApp(Bundle bundle, BundleFile file, String key, JsonNode app, List<Problem> problems) {
    String at = "$.resources.apps." + key;
    Set<String> resourceNames = new LinkedHashSet<>();
    Map<String, Integer> secrets = new LinkedHashMap<>();
    JsonNode resources = app.path("resources");
    for (int i = 0; i < resources.size(); i++) {
      String name = resources.get(i).path("name").asText();
      if (!resourceNames.add(name)) {
        problems.add(new Problem(file.name(), at + ".resources[" + i + "].name",
            "resource name '" + name + "' is used twice in this App", ""));
      }
      if (resources.get(i).has("secret")) {
        secrets.put(name, i);
      }
    }
    JsonNode config = app.get("config");
    boolean inlineConfig = config != null && config.isObject();
    Set<String> read = new LinkedHashSet<>();
    if (inlineConfig) {
      checkEnv(file.name(), at + ".config", config.path("env"), "value_from", resourceNames, file.name() + " " + at,
          read, problems);
      if (config.has("command")) {
        checkCommand(file.name(), at + ".config.command", config.path("command"), problems);
      }
    }
    Path appYaml = null;
    String folder = null;
    Path source = null;
    if (app.hasNonNull("source_code_path")) {
      String sourcePath = app.path("source_code_path").asText();
      source = file.dir().resolve(sourcePath).normalize();
      Path root = bundle.root().toAbsolutePath().normalize();
      if (!source.toAbsolutePath().startsWith(root)) {
        problems.add(new Problem(file.name(), at + ".source_code_path",
            sourcePath + " resolves to " + source + ", outside the bundle root (the CLI syncs only the bundle)", ""));
        return;
      }
      if (!Files.isDirectory(source)) {
        problems.add(new Problem(file.name(), at + ".source_code_path", sourcePath + " (relative to " + file.name()
            + ") resolves to " + root.relativize(source.toAbsolutePath()) + ", which is not a folder", ""));
        return;
      }
      folder = root.relativize(source.toAbsolutePath()).toString().replace('\\', '/');
      appYaml = Stream.of("app.yaml", "app.yml").map(source::resolve).filter(Files::isRegularFile).findFirst()
          .orElse(null);
    }
    if (appYaml != null) {
      String name = folder + "/" + appYaml.getFileName();
      JsonNode yaml = read(appYaml);
      checkCommand(name, "$.command", yaml.path("command"), problems);
      Set<String> readByYaml = new LinkedHashSet<>();
      checkEnv(name, "$", yaml.path("env"), "valueFrom", resourceNames, file.name() + " " + at, readByYaml, problems);
      if (inlineConfig) {
        checkAgreement(name, yaml, file.name() + " " + at + ".config", config, problems);
      } else {
        read.addAll(readByYaml);
      }
    }
    boolean hasCommand = inlineConfig && config.path("command").isArray() && !config.path("command").isEmpty();
    if (appYaml == null && !hasCommand && source != null) {
      problems.add(new Problem(file.name(), at + ".source_code_path", folder
          + " has no app.yaml and the App's config sets no command, so the runtime has no command to start", ""));
    }
    secrets.forEach((name, i) -> {
      if (!read.contains(name)) {
        problems.add(new Problem(file.name(), at + ".resources[" + i + "]", "secret resource '" + name
            + "' is read by no env entry (value_from: " + name + "), so the App is granted READ for nothing", ""));
      }
    });
    if (source != null) {
      checkSizes(folder, source, problems);
      checkSyncedLib(bundle, folder, source, problems);
    }
  }

  private static void checkCommand(String file, String at, JsonNode command, List<Problem> problems) {
    if (!command.isArray() || command.isEmpty()) {
      problems.add(new Problem(file, at, "must be a non-empty argv list (it is not run in a shell)", ""));
      return;
    }
    for (int i = 0; i < command.size(); i++) {
      if (!command.get(i).isTextual()) {
        problems.add(new Problem(file, at + "[" + i + "]", "argv entries must be strings", ""));
      }
    }
  }

  /**
   * Env entries: a name used once, exactly one of value and {@code fromKey} ({@code value_from} in the bundle's
   * config, {@code valueFrom} in app.yaml), which names a declared resource; collects the resources read.
   */
  private static void checkEnv(String file, String at, JsonNode env, String fromKey, Set<String> resourceNames,
      String app, Set<String> read, List<Problem> problems) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < env.size(); i++) {
      JsonNode e = env.get(i);
      String entry = at + ".env[" + i + "]";
      String name = e.path("name").asText("");
      if (!e.path("name").isTextual() || name.isBlank()) {
        problems.add(new Problem(file, entry + ".name", "every env entry needs a name", ""));
      } else if (!names.add(name)) {
        problems.add(new Problem(file, entry + ".name", name + " is set twice; the runtime keeps one of them", ""));
      }
      if (e.has("value") == e.has(fromKey)) {
        problems.add(new Problem(file, entry, "needs exactly one of value and " + fromKey, ""));
      } else if (e.has(fromKey)) {
        String from = e.path(fromKey).asText();
        read.add(from);
        if (!resourceNames.contains(from)) {
          problems.add(new Problem(file, entry + "." + fromKey, "'" + from + "' is not a resource of the App ("
              + app + " declares " + resourceNames + ")", ""));
        }
      } else if (!e.path("value").isTextual()) {
        problems.add(new Problem(file, entry + ".value", "env values must be strings (quote them)", ""));
      }
    }
  }

  /** app.yaml next to a bundle config: the same command, and each of its entries equal to the config's. */
  private static void checkAgreement(String file, JsonNode yaml, String configAt, JsonNode config,
      List<Problem> problems) {
    if (config.has("command") && yaml.has("command") && !config.path("command").equals(yaml.path("command"))) {
      problems.add(new Problem(file, "$.command", "differs from " + configAt + ".command " + config.path("command")
          + "; deployments from the bundle and from this file would start differently", ""));
    }
    Map<String, JsonNode> configured = new LinkedHashMap<>();
    config.path("env").forEach(e -> configured.putIfAbsent(e.path("name").asText(), e));
    JsonNode env = yaml.path("env");
    for (int i = 0; i < env.size(); i++) {
      JsonNode e = env.get(i);
      String name = e.path("name").asText();
      JsonNode c = configured.get(name);
      if (c == null) {
        problems.add(new Problem(file, "$.env[" + i + "]", name + " is not in " + configAt
            + ".env; the bundle's deployments would run without it", ""));
      } else if (!Objects.equals(source(e, "valueFrom"), source(c, "value_from"))) {
        problems.add(new Problem(file, "$.env[" + i + "]", name + " is " + source(e, "valueFrom") + " here but "
            + source(c, "value_from") + " in " + configAt + ".env", ""));
      }
    }
  }

  private static String source(JsonNode entry, String fromKey) {
    return entry.has(fromKey) ? "from resource '" + entry.path(fromKey).asText() + "'"
        : "value " + entry.path("value");
  }

  private static void checkSizes(String folder, Path source, List<Problem> problems) {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        long size = Files.size(f);
        if (size > MAX_FILE_BYTES) {
          problems.add(new Problem(folder + "/" + source.relativize(f).toString().replace('\\', '/'), "$",
              "is " + size / (1024 * 1024) + " MB; Databricks Apps refuse any file over 10 MB", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A git-ignored lib/ (the App's built JARs) reaches the workspace only through sync.include. */
  private static void checkSyncedLib(Bundle bundle, String folder, Path source, List<Problem> problems) {
    Path ignore = source.resolve(".gitignore");
    if (!Files.isDirectory(source.resolve("lib")) || !Files.isRegularFile(ignore)) {
      return;
    }
    boolean ignored;
    try {
      ignored = Files.readAllLines(ignore).stream().map(String::trim).anyMatch(l -> l.equals("lib/") || l.equals("lib")
          || l.equals("/lib/") || l.equals("/lib"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!ignored) {
      return;
    }
    Path probe = Path.of(folder, "lib", "x.jar");
    JsonNode include = bundle.merged().path("sync").path("include");
    for (JsonNode glob : include) {
      if (FileSystems.getDefault().getPathMatcher("glob:" + glob.asText()).matches(probe)) {
        return;
      }
    }
    problems.add(new Problem(Bundle.MAIN, "$.sync.include", folder + "/lib is git-ignored, so the CLI would not "
        + "upload the App's JARs; add '" + folder + "/lib/*.jar'", ""));
  }

  private static JsonNode read(Path yaml) {
    try {
      return BundleYaml.parse(Files.readString(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
