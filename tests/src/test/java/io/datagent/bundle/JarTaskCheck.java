package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Spark JAR task against what Databricks will run: its {@code main_class_name} is in the jobs JAR, its
 * {@code parameters} are accepted by the class's {@code ArgSpec} and, where the class has one, by its
 * {@code config(String...)}, and its local library JAR is built by one of the bundle's artifacts.
 *
 * <p>Job dynamic values in parameters stand in as the run would see them: {@code {{job.parameters.x}}} as the
 * parameter's default, anything else as a sample value.
 */
final class JarTaskCheck {

  private static final Pattern DYNAMIC = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private final TargetView view;
  private final JsonNode config;
  private final Supplier<JobsJar> jar;

  JarTaskCheck(TargetView view, JsonNode resolved, Supplier<JobsJar> jar) {
    this.view = view;
    this.config = resolved;
    this.jar = jar;
  }

  /** Problems of the spark_jar_task at {@code path}; {@code defaults} are the job parameters' defaults. */
  List<Problem> check(NodePath path, JsonNode task, Map<String, String> defaults) {
    List<Problem> problems = new ArrayList<>();
    NodePath classPath = path.key("spark_jar_task").key("main_class_name");
    String mainClass = task.path("spark_jar_task").path("main_class_name").asText(null);
    if (mainClass == null) {
      problems.add(view.problem(classPath, "a spark_jar_task needs main_class_name"));
      return problems;
    }
    libraries(path, task.path("libraries"), problems);
    JobsJar jobsJar;
    try {
      jobsJar = jar.get();
    } catch (IllegalStateException e) {
      problems.add(view.problem(classPath, e.getMessage()));
      return problems;
    }
    if (!jobsJar.hasClass(mainClass)) {
      problems.add(view.problem(classPath, "class " + mainClass + " is not in " + jobsJar.path().getFileName()));
      return problems;
    }
    NodePath parametersPath = path.key("spark_jar_task").key("parameters");
    List<String> args = new ArrayList<>();
    task.path("spark_jar_task").path("parameters").forEach(p -> args.add(sample(p.asText(), defaults)));
    try {
      JobsJar.JobArgs spec = jobsJar.argSpec(mainClass);
      Set<String> unknown = new LinkedHashSet<>();
      for (String arg : args) {
        if (arg.startsWith("--") && !spec.names().contains(arg.substring(2).split("=", 2)[0])) {
          unknown.add(arg);
        }
      }
      String error = !unknown.isEmpty() ? mainClass + " does not accept " + unknown + "; it accepts " + spec.names()
          : spec.parseError(args);
      if (error == null) {
        error = jobsJar.configError(mainClass, args, clusterEnv(path, task));
      }
      if (error != null) {
        problems.add(view.problem(parametersPath, error));
      }
    } catch (IllegalStateException e) {
      problems.add(view.problem(classPath, e.getMessage()));
    }
    return problems;
  }

  /** A parameter as the job would see it: job parameters at their default, other dynamic values as a sample. */
  private static String sample(String parameter, Map<String, String> defaults) {
    Matcher m = DYNAMIC.matcher(parameter);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).startsWith("job.parameters.") ? m.group(1).substring("job.parameters.".length()) : null;
      m.appendReplacement(out, Matcher.quoteReplacement(name != null && defaults.containsKey(name) ? defaults.get(name) : "1"));
    }
    return m.appendTail(out).toString();
  }

  private void libraries(NodePath path, JsonNode libraries, List<Problem> problems) {
    List<Path> built = artifactFiles();
    boolean anyJar = false;
    for (int i = 0; i < libraries.size(); i++) {
      String jarPath = libraries.get(i).path("jar").asText(null);
      if (jarPath == null) {
        continue;
      }
      anyJar = true;
      NodePath at = path.key("libraries").index(i).key("jar");
      if (!jarPath.matches("^(/Volumes/|/Workspace/|[a-z0-9]+:).*")) {
        Path local = view.bundle().locate(view.target(), at).dir().resolve(jarPath).normalize();
        if (!built.contains(local)) {
          problems.add(view.problem(at, "local JAR " + jarPath + " is not a file any artifact builds ("
              + view.bundle().root().relativize(local) + "); artifacts build " + built.stream()
              .map(p -> view.bundle().root().relativize(p).toString()).toList()));
        }
      }
    }
    if (!anyJar) {
      problems.add(view.problem(path.key("libraries"), "a spark_jar_task needs its JAR in libraries (- jar: <path>)"));
    }
  }

  /** Every file the bundle's artifacts produce, as absolute paths (sources are relative to the defining file). */
  List<Path> artifactFiles() {
    List<Path> files = new ArrayList<>();
    config.path("artifacts").fields().forEachRemaining(a -> {
      JsonNode list = a.getValue().path("files");
      for (int i = 0; i < list.size(); i++) {
        NodePath at = NodePath.of("artifacts", a.getKey(), "files", i, "source");
        files.add(view.bundle().locate(view.target(), at).dir().resolve(list.get(i).path("source").asText()).normalize());
      }
    });
    return files;
  }

  /** The spark_env_vars of the job cluster the task runs on ({@code {{secrets/...}}} values count as set). */
  private Map<String, String> clusterEnv(NodePath path, JsonNode task) {
    Map<String, String> env = new java.util.HashMap<>();
    JsonNode job = config.path("resources").path("jobs").path(String.valueOf(path.get(2)));
    JsonNode cluster = task.path("new_cluster");
    for (JsonNode c : job.path("job_clusters")) {
      if (c.path("job_cluster_key").asText().equals(task.path("job_cluster_key").asText(null))) {
        cluster = c.path("new_cluster");
      }
    }
    cluster.path("spark_env_vars").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return env;
  }
}
