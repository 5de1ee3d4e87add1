package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a target's jobs beyond the schema: what the Jobs API refuses and what would only fail at run time.
 *
 * <ul>
 *   <li>one of {@code schedule}, {@code trigger}, {@code continuous} per job; quartz expressions well formed;</li>
 *   <li>{@code depends_on} and {@code job_cluster_key} pointing at the same job's tasks and clusters;</li>
 *   <li>Spark JAR tasks through {@link JarTaskCheck};</li>
 *   <li>{@code run_job_task.job_parameters} naming parameters the started job defines.</li>
 * </ul>
 */
final class JobCheck {

  private static final Pattern JOB_REFERENCE = Pattern.compile("\\$\\{resources\\.jobs\\.([\\w-]+)\\.id}");

  private final TargetView view;
  private final JsonNode config;
  private final JarTaskCheck jarTasks;
  private final List<Problem> problems = new ArrayList<>();

  private JobCheck(TargetView view, JsonNode resolved, Supplier<JobsJar> jar) {
    this.view = view;
    this.config = resolved;
    this.jarTasks = new JarTaskCheck(view, resolved, jar);
  }

  /** {@code resolved} is the target's view with variables substituted; {@code jar} is opened only if needed. */
  static List<Problem> check(TargetView view, JsonNode resolved, Supplier<JobsJar> jar) {
    JobCheck check = new JobCheck(view, resolved, jar);
    resolved.path("resources").path("jobs").fields().forEachRemaining(
        e -> check.job(NodePath.of("resources", "jobs", e.getKey()), e.getValue()));
    return check.problems;
  }

  private void job(NodePath path, JsonNode job) {
    List<String> starters = new ArrayList<>();
    for (String field : List.of("schedule", "trigger", "continuous", "triggers")) {
      if (job.has(field)) {
        starters.add(field);
      }
    }
    if (starters.size() > 1) {
      problems.add(view.problem(path, "sets " + String.join(" and ", starters) + ", but the Jobs API accepts only one of "
          + "schedule, trigger, continuous (or the triggers list) per job; start it from a second job instead"));
    }
    String cron = job.path("schedule").path("quartz_cron_expression").asText(null);
    if (cron != null) {
      String error = quartzError(cron);
      if (error != null) {
        problems.add(view.problem(path.key("schedule").key("quartz_cron_expression"), error));
      }
    }
    Set<String> clusters = ReferenceCheck.names(job.path("job_clusters"), "job_cluster_key");
    Set<String> tasks = ReferenceCheck.names(job.path("tasks"), "task_key");
    Map<String, String> parameterDefaults = new HashMap<>();
    job.path("parameters").forEach(p -> parameterDefaults.put(p.path("name").asText(), p.path("default").asText()));
    JsonNode list = job.path("tasks");
    for (int i = 0; i < list.size(); i++) {
      task(path.key("tasks").index(i), list.get(i), clusters, tasks, parameterDefaults);
    }
  }

  private void task(NodePath path, JsonNode task, Set<String> clusters, Set<String> tasks, Map<String, String> defaults) {
    String cluster = task.path("job_cluster_key").asText(null);
    if (cluster != null && !clusters.contains(cluster)) {
      problems.add(view.problem(path.key("job_cluster_key"), "no job cluster '" + cluster + "' in this job; defined: " + clusters));
    }
    JsonNode dependsOn = task.path("depends_on");
    for (int i = 0; i < dependsOn.size(); i++) {
      String key = dependsOn.get(i).path("task_key").asText();
      if (!tasks.contains(key) || key.equals(task.path("task_key").asText())) {
        problems.add(view.problem(path.key("depends_on").index(i).key("task_key"), "depends on '" + key
            + "', which is not another task of this job; tasks: " + tasks));
      }
    }
    if (task.has("spark_jar_task")) {
      problems.addAll(jarTasks.check(path, task, defaults));
    }
    if (task.has("run_job_task")) {
      runJobTask(path.key("run_job_task"), task.get("run_job_task"));
    }
  }

  private void runJobTask(NodePath path, JsonNode runJob) {
    Matcher ref = JOB_REFERENCE.matcher(runJob.path("job_id").asText());
    if (!ref.matches()) {
      if (!runJob.path("job_id").isNumber()) {
        problems.add(view.problem(path.key("job_id"), "expected ${resources.jobs.<key>.id} or a job id"));
      }
      return;
    }
    Set<String> accepted = ReferenceCheck.names(config.path("resources").path("jobs").path(ref.group(1)).path("parameters"), "name");
    runJob.path("job_parameters").fieldNames().forEachRemaining(name -> {
      if (!accepted.contains(name)) {
        problems.add(view.problem(path.key("job_parameters").key(name), "job " + ref.group(1)
            + " defines no parameter '" + name + "'; it defines " + accepted));
      }
    });
  }

  /** Quartz: seconds minutes hours day-of-month month day-of-week [year], one of the two days being '?'. */
  static String quartzError(String cron) {
    String[] fields = cron.trim().split("\\s+");
    if (fields.length < 6 || fields.length > 7) {
      return "'" + cron + "' is not a quartz expression (6 or 7 fields: sec min hour day-of-month month day-of-week [year])";
    }
    boolean dayOfMonthOpen = fields[3].equals("?");
    boolean dayOfWeekOpen = fields[5].equals("?");
    return dayOfMonthOpen != dayOfWeekOpen ? null
        : "'" + cron + "': quartz needs '?' in exactly one of day-of-month and day-of-week";
  }
}
