package io.datagent.jobmonitor.act;

import io.datagent.jobmonitor.classify.Category;
import java.util.Map;

/**
 * The policies of the configuration file: one per category, overridable per job (by job name, or by job id as
 * text). A job override only replaces the categories it names.
 */
public record PolicyBook(Map<Category, Policy> defaults, Map<String, Map<Category, Policy>> jobs) {

  public PolicyBook {
    defaults = Map.copyOf(defaults);
    jobs = Map.copyOf(jobs);
    for (Category c : Category.values()) {
      if (!defaults.containsKey(c)) {
        throw new IllegalArgumentException("policies.defaults has no policy for category '" + c.id() + "'");
      }
    }
  }

  public Policy policy(String jobName, Long jobId, Category category) {
    Map<Category, Policy> byJob = jobName == null ? null : jobs.get(jobName);
    if (byJob == null && jobId != null) {
      byJob = jobs.get(String.valueOf(jobId));
    }
    Policy p = byJob == null ? null : byJob.get(category);
    return p != null ? p : defaults.get(category);
  }
}
