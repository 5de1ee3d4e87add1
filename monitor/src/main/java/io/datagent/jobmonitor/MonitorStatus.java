package io.datagent.jobmonitor;

import java.time.Instant;

/** How the monitor loop is doing, for {@code /api/monitor/status} and logs. */
public record MonitorStatus(String source, boolean running, Instant lastTick, Instant lastPoll, String lastError,
    int runsHandled, int actionsTaken, long ticks, long pollIntervalSeconds, String mail, boolean llm) {}
