package io.datagent.jobmonitor.quality;

import java.time.Instant;

/**
 * The agent's quality over one sliding window of its traces: sample count, errors, error rate, p95 latency, and the
 * mean user rating (1..5; thumbs up = 5, down = 1) with how many ratings it rests on. Null figures mean "no data".
 */
public record QualityFigures(Instant takenAt, int windowMinutes, int samples, int errors, Double errorRate, Double p95Ms,
    Double meanRating, int ratings) {}
