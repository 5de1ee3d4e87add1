package io.datagent.jobmonitor.quality;

import java.time.Instant;
import java.util.List;

/** One intervention on the agent: why, the figures then, what was started (or recorded) and how it went. */
public record Intervention(long id, Instant startedAt, List<String> reasons, QualityFigures figures, String action,
    Long jobId, Long runId, String status, String detail) {}
