package io.datagent.jobmonitor.store;

import io.datagent.jobmonitor.act.Plan;
import io.datagent.jobmonitor.classify.Classification;
import java.util.List;

/** What is written as the intent, before acting. */
public record NewDecision(
    long runId, int attempt, Long jobId, String jobName, List<String> taskKeys, String runPageUrl, String jobUrl,
    Classification classification, Plan plan, String errorExcerpt, String failureText, Long expectedRepairId) {}
