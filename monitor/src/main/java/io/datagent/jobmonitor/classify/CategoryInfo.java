package io.datagent.jobmonitor.classify;

/**
 * What people read about a category: its Spanish label, its default severity, and what a person must do when the
 * monitor cannot heal it alone (printed in the email).
 */
public record CategoryInfo(Category category, String label, Severity severity, String todo) {}
