package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything the build checks about a bundle directory, since no workspace is reachable to run
 * {@code databricks bundle validate}: each file and each target's merged view against the CLI's schema (before and
 * after variables are substituted), references, jobs against the jobs JAR, grants, and Apps ({@link AppCheck}).
 *
 * <p>Problems found by several views are reported once.
 */
final class BundleChecker {

  private final Path jobsJar;

  BundleChecker(Path jobsJar) {
    this.jobsJar = jobsJar;
  }

  List<Problem> check(Path bundleRoot) {
    Bundle bundle = Bundle.load(bundleRoot);
    List<Problem> problems = new ArrayList<>(bundle.problems());
    BundleSchema schema = BundleSchema.load();
    for (BundleFile file : bundle.files()) {
      problems.addAll(schema.validate(file.doc(), (path, message) -> new Problem(file.name(), path.toString(), message, "")));
      problems.addAll(duplicateTaskKeys(file));
    }
    problems.addAll(AppCheck.check(bundle));
    LazyJar jar = new LazyJar(jobsJar);
    try {
      for (String target : bundle.targetNames()) {
        problems.addAll(checkTarget(TargetView.of(bundle, target), schema, jar));
      }
    } finally {
      jar.close();
    }
    return distinct(problems);
  }

  private static List<Problem> checkTarget(TargetView view, BundleSchema schema, Supplier<JobsJar> jar) {
    List<Problem> problems = new ArrayList<>(view.problems());
    problems.addAll(schema.validate(view.config(), view::problem));
    JsonNode resolved = new VariableResolver(view).resolve();
    String substituted = "target " + view.target() + ", variables substituted";
    problems.addAll(schema.validate(resolved, (path, message) -> {
      Problem p = view.problem(path, message);
      return new Problem(p.file(), p.path(), p.message(), substituted);
    }));
    problems.addAll(ReferenceCheck.check(view));
    problems.addAll(JobCheck.check(view, resolved, jar));
    problems.addAll(duplicateGrants(view, resolved));
    problems.addAll(AppCheck.checkTarget(view, resolved));
    return problems;
  }

  /** Older CLIs refuse a principal listed twice in one grants list; it usually means two variables collide. */
  private static List<Problem> duplicateGrants(TargetView view, JsonNode resolved) {
    List<Problem> problems = new ArrayList<>();
    resolved.path("resources").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(r -> {
      Set<String> seen = new HashSet<>();
      JsonNode grants = r.getValue().path("grants");
      for (int i = 0; i < grants.size(); i++) {
        String principal = grants.get(i).path("principal").asText();
        if (!seen.add(principal)) {
          problems.add(view.problem(NodePath.of("resources", type.getKey(), r.getKey(), "grants", i, "principal"),
              "principal '" + principal + "' is granted twice; list each principal once"));
        }
      }
    }));
    return problems;
  }

  private static List<Problem> duplicateTaskKeys(BundleFile file) {
    List<Problem> problems = new ArrayList<>();
    file.doc().path("resources").path("jobs").fields().forEachRemaining(job -> {
      Set<String> seen = new HashSet<>();
      JsonNode tasks = job.getValue().path("tasks");
      for (int i = 0; i < tasks.size(); i++) {
        String key = tasks.get(i).path("task_key").asText();
        if (!seen.add(key)) {
          problems.add(new Problem(file.name(), NodePath.of("resources", "jobs", job.getKey(), "tasks", i, "task_key").toString(),
              "task_key '" + key + "' is used twice in this job (the CLI would silently merge the two tasks)", ""));
        }
      }
    });
    return problems;
  }

  private static List<Problem> distinct(List<Problem> problems) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      if (out.stream().noneMatch(p::sameAs)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Opens the jobs JAR on first use only, so bundles without JAR tasks need no build. */
  private static final class LazyJar implements Supplier<JobsJar> {
    private final Path path;
    private JobsJar jar;

    LazyJar(Path path) {
      this.path = path;
    }

    @Override
    public JobsJar get() {
      if (jar == null) {
        jar = JobsJar.open(path);
      }
      return jar;
    }

    void close() {
      if (jar != null) {
        try {
          jar.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
