package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the CLI and the Apps runtime refuse in an App's source folder, checked offline for every
 * {@code resources.apps.<key>} with a {@code source_code_path}:
 * <ul>
 *   <li>the path, resolved like the CLI does (relative to the file that sets it), is a folder of the bundle;</li>
 *   <li>the folder has an {@code app.yaml} (or {@code app.yml}) unless the bundle sets {@code config}, and not both;</li>
 *   <li>its {@code command} is a non-empty argv list of strings (it is not run in a shell);</li>
 *   <li>every env entry has a name and exactly one of {@code value}/{@code valueFrom}, and every {@code valueFrom}
 *       names a resource the App declares (else the App fails at start with an unresolved variable);</li>
 *   <li>resource names are unique; no file in the folder exceeds 10 MB (deployment fails beyond);</li>
 *   <li>a git-ignored {@code lib/} is brought back by a {@code sync.include} glob (else it is not uploaded).</li>
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

  private static void checkApp(Bundle bundle, BundleFile file, String key, JsonNode app, List<Problem> problems) {
    String at = "$.resources.apps." + key;
    Set<String> resourceNames = new LinkedHashSet<>();
    JsonNode resources = app.path("resources");
    for (int i = 0; i < resources.size(); i++) {
      String name = resources.get(i).path("name").asText();
      if (!resourceNames.add(name)) {
        problems.add(new Problem(file.name(), at + ".resources[" + i + "].name",
            "resource name '" + name + "' is used twice in this App", ""));
      }
    }
    if (!app.hasNonNull("source_code_path")) {
      return;
    }
    String sourcePath = app.path("source_code_path").asText();
    Path source = file.dir().resolve(sourcePath).normalize();
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
    Path appYaml = Stream.of("app.yaml", "app.yml").map(source::resolve).filter(Files::isRegularFile).findFirst()
        .orElse(null);
    boolean inlineConfig = app.has("config");
    String folder = root.relativize(source.toAbsolutePath()).toString().replace('\\', '/');
    if (appYaml != null && inlineConfig) {
      problems.add(new Problem(file.name(), at + ".config", folder + "/" + appYaml.getFileName()
          + " exists too; the CLI refuses an App with both (keep one)", ""));
    }
    if (appYaml == null && !inlineConfig) {
      problems.add(new Problem(file.name(), at + ".source_code_path", folder
          + " has no app.yaml and the App sets no config, so the runtime has no command to start", ""));
    }
    if (appYaml != null) {
      checkAppYaml(folder + "/" + appYaml.getFileName(), read(appYaml), resourceNames, file.name() + " " + at,
          problems);
    }
    checkSizes(folder, source, problems);
    checkSyncedLib(bundle, folder, source, problems);
  }

  private static void checkAppYaml(String name, JsonNode yaml, Set<String> resourceNames, String app,
      List<Problem> problems) {
    JsonNode command = yaml.path("command");
    if (!command.isArray() || command.isEmpty()) {
      problems.add(new Problem(name, "$.command", "must be a non-empty argv list (it is not run in a shell)", ""));
    } else {
      for (int i = 0; i < command.size(); i++) {
        if (!command.get(i).isTextual()) {
          problems.add(new Problem(name, "$.command[" + i + "]", "argv entries must be strings", ""));
        }
      }
    }
    JsonNode env = yaml.path("env");
    for (int i = 0; i < env.size(); i++) {
      JsonNode e = env.get(i);
      String at = "$.env[" + i + "]";
      if (!e.path("name").isTextual() || e.path("name").asText().isBlank()) {
        problems.add(new Problem(name, at + ".name", "every env entry needs a name", ""));
      }
      if (e.has("value") == e.has("valueFrom")) {
        problems.add(new Problem(name, at, "needs exactly one of value and valueFrom", ""));
      } else if (e.has("valueFrom") && !resourceNames.contains(e.path("valueFrom").asText())) {
        problems.add(new Problem(name, at + ".valueFrom", "'" + e.path("valueFrom").asText()
            + "' is not a resource of the App (" + app + " declares " + resourceNames + ")", ""));
      } else if (e.has("value") && !e.path("value").isTextual()) {
        problems.add(new Problem(name, at + ".value", "env values must be strings (quote them)", ""));
      }
    }
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
