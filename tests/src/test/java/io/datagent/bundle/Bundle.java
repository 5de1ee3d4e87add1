package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A bundle as the CLI loads it: {@code databricks.yml} plus every file its {@code include} globs match, merged
 * into one tree (targets still inside), with problems found while loading.
 *
 * <p>Also answers which file a JSON path came from, so that problems found in a merged view name a file.
 */
final class Bundle {

  static final String MAIN = "databricks.yml";

  private final Path root;
  private final List<BundleFile> files;
  private final ObjectNode merged;
  private final List<Problem> problems;

  private Bundle(Path root, List<BundleFile> files, ObjectNode merged, List<Problem> problems) {
    this.root = root;
    this.files = files;
    this.merged = merged;
    this.problems = problems;
  }

  static Bundle load(Path root) {
    List<Problem> problems = new ArrayList<>();
    List<BundleFile> files = new ArrayList<>();
    BundleFile main = read(root, root.resolve(MAIN), problems);
    if (main == null) {
      return new Bundle(root, files, (ObjectNode) BundleYaml.parse("{}"), problems);
    }
    files.add(main);
    for (Path included : included(root, main, problems)) {
      BundleFile file = read(root, included, problems);
      if (file != null) {
        if (file.doc().has("include")) {
          problems.add(new Problem(file.name(), "$.include", "included files cannot include further files", ""));
        }
        files.add(file);
      }
    }
    reportDuplicateResources(files, problems);
    JsonNode merged = BundleYaml.parse("{}");
    for (BundleFile f : files) {
      try {
        merged = ConfigMerge.merge(merged, f.doc());
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(f.name(), "$", "cannot be merged into the bundle: " + e.getMessage(), ""));
      }
    }
    return new Bundle(root, List.copyOf(files), (ObjectNode) merged, problems);
  }

  Path root() {
    return root;
  }

  List<BundleFile> files() {
    return files;
  }

  /** databricks.yml and its includes merged; {@code targets} still holds the per-target overrides. */
  ObjectNode merged() {
    return merged;
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  List<String> targetNames() {
    List<String> names = new ArrayList<>();
    merged.path("targets").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * The file that defines {@code path} for {@code target}: a target override if one sets it, otherwise the file
   * holding the longest prefix of the path (list indexes shift when files are merged).
   */
  BundleFile locate(String target, NodePath path) {
    for (BundleFile f : files) {
      if (target != null && !override(target, path).find(f.doc()).isMissingNode()) {
        return f;
      }
    }
    for (NodePath p = path; ; p = p.parent()) {
      for (BundleFile f : files) {
        if (!p.find(f.doc()).isMissingNode() && (p.size() > 0 || f.name().equals(MAIN))) {
          return f;
        }
      }
      if (p.size() == 0) {
        return files.isEmpty() ? new BundleFile(root.resolve(MAIN), MAIN, merged) : files.get(0);
      }
    }
  }

  /** Like {@link #locate} but says when the value comes from a target override. */
  String describe(String target, NodePath path) {
    BundleFile f = locate(target, path);
    boolean overridden = target != null && !override(target, path).find(f.doc()).isMissingNode();
    return overridden ? f.name() + " (targets." + target + ")" : f.name();
  }

  private static NodePath override(String target, NodePath path) {
    List<Object> segments = new ArrayList<>(List.of("targets", target));
    segments.addAll(path.segments());
    return new NodePath(segments);
  }

  private static BundleFile read(Path root, Path file, List<Problem> problems) {
    String name = root.relativize(file).toString().replace('\\', '/');
    try {
      JsonNode doc = BundleYaml.parse(Files.readString(file));
      if (!doc.isObject()) {
        problems.add(new Problem(name, "$", "a bundle file must be a mapping, found " + doc.getNodeType(), ""));
        return null;
      }
      return new BundleFile(file, name, doc);
    } catch (IOException e) {
      problems.add(new Problem(name, "$", "cannot be read: " + e, ""));
    } catch (RuntimeException e) {
      problems.add(new Problem(name, "$", "is not valid YAML: " + e.getMessage().replace('\n', ' '), ""));
    }
    return null;
  }

  private static List<Path> included(Path root, BundleFile main, List<Problem> problems) {
    List<Path> found = new ArrayList<>();
    JsonNode globs = main.doc().path("include");
    for (int i = 0; i < globs.size(); i++) {
      String glob = globs.get(i).asText();
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      Path base = root.resolve(staticPrefix(glob));
      if (!Files.isDirectory(base)) {
        problems.add(new Problem(MAIN, NodePath.of("include", i).toString(), "glob '" + glob + "' matches no file", ""));
        continue;
      }
      try (Stream<Path> walk = Files.walk(base)) {
        List<Path> matches = walk.filter(Files::isRegularFile)
            .filter(p -> matcher.matches(root.relativize(p)))
            .sorted()
            .toList();
        if (matches.isEmpty()) {
          problems.add(new Problem(MAIN, NodePath.of("include", i).toString(), "glob '" + glob + "' matches no file", ""));
        }
        matches.stream().filter(p -> !found.contains(p)).forEach(found::add);
      } catch (IOException e) {
        problems.add(new Problem(MAIN, NodePath.of("include", i).toString(), "cannot list files: " + e, ""));
      }
    }
    return found;
  }

  /** The directory part of a glob before its first wildcard, so that only that directory is walked. */
  private static String staticPrefix(String glob) {
    int wildcard = glob.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int at = glob.indexOf(c);
      if (at >= 0) {
        wildcard = Math.min(wildcard, at);
      }
    }
    int slash = glob.lastIndexOf('/', wildcard);
    return slash < 0 ? "." : glob.substring(0, slash);
  }

  /** The CLI refuses a resource key defined in two files; so does this. */
  private static void reportDuplicateResources(List<BundleFile> files, List<Problem> problems) {
    Map<String, String> seen = new HashMap<>();
    for (BundleFile f : files) {
      f.doc().path("resources").fields().forEachRemaining(type -> type.getValue().fieldNames().forEachRemaining(key -> {
        String id = type.getKey() + "." + key;
        String first = seen.putIfAbsent(id, f.name());
        if (first != null) {
          problems.add(new Problem(f.name(), NodePath.of("resources", type.getKey(), key).toString(),
              "resource " + id + " is already defined in " + first, ""));
        }
      }));
    }
  }
}
