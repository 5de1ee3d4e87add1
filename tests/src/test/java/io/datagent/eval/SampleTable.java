package io.datagent.eval;

import java.util.List;
import java.util.Map;

/**
 * A sample file as the benchmark's generator sees it: rows of typed cells keyed by the file's own header
 * ({@code String} trimmed, {@code Double}, {@code LocalDate}), plus the file's descriptive text (header, title rows,
 * footnotes) that column-meaning answers must come from.
 */
record SampleTable(String name, String file, List<Map<String, Object>> rows, String text) {}
