package io.datagent.jobmonitor.quality;

import java.time.Instant;
import java.util.List;

/**
 * One intervention on the agent: why, the figures then, what was started (or recorded) and how it went; for an
 * optimisation, the share of exact answers on the benchmark's held-out split before and after (null until known).
 *
 * @param windowKey the supervision window it was made for ({@link QualitySupervisor#windowKey}); null when by hand
 */
public record Intervention(long id, Instant startedAt, List<String> reasons, QualityFigures figures, String action,
    Long jobId, Long runId, String status, String detail, String windowKey, Double scoreBefore, Double scoreAfter) {}
