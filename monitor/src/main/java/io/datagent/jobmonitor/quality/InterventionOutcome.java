package io.datagent.jobmonitor.quality;

/**
 * How an optimisation started by an intervention ended: {@code PROMOTED} or {@code UNCHANGED} (or {@code FAILED}),
 * a Spanish detail, and the held-out share of exact answers before and after (after equals before when nothing was
 * promoted; both null when the run failed before scoring).
 */
public record InterventionOutcome(String status, String detail, Double scoreBefore, Double scoreAfter) {}
