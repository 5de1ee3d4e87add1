package io.datagent.jobmonitor.store;

import java.time.Instant;

/** A finished run the monitor saw (successful or not), as the App lists them. */
public record SeenRun(long runId, int attempt, Long jobId, String jobName, String resultState, String terminationCode,
    String stateMessage, Instant startTime, Instant endTime, String runPageUrl, boolean failed, Instant seenAt) {}
