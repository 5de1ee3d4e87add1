package io.datagent.jobmonitor.classify;

/** A category with the confidence to give it (and an optional severity) when a code or class maps to it. */
public record CategoryScore(Category category, double confidence, Severity severity) {}
