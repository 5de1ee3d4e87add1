package io.datagent.agent.sql;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the {@link SqlGuard} lets through.
 *
 * @param allowedSchemas schemas a query may read (lower case; e.g. {@code serving}, optionally {@code raw})
 * @param defaultSchema the schema an unqualified table name resolves to
 * @param catalog the Unity Catalog catalog three-part names may name, or null (locally: none)
 * @param maxRows the LIMIT added to, or clamped on, every query
 * @param maxLength the longest statement accepted, in characters
 */
public record SqlPolicy(Set<String> allowedSchemas, String defaultSchema, String catalog, int maxRows, int maxLength) {

  public static final int DEFAULT_MAX_ROWS = 200;
  public static final int DEFAULT_MAX_LENGTH = 20_000;

  public SqlPolicy {
    if (allowedSchemas == null || allowedSchemas.isEmpty()) {
      throw new IllegalArgumentException("SqlPolicy: allowedSchemas must name at least one schema");
    }
    Set<String> lower = new LinkedHashSet<>();
    allowedSchemas.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));
    allowedSchemas = Set.copyOf(lower);
    defaultSchema = defaultSchema == null ? lower.iterator().next() : defaultSchema.toLowerCase(Locale.ROOT);
    if (!allowedSchemas.contains(defaultSchema)) {
      throw new IllegalArgumentException("SqlPolicy: defaultSchema " + defaultSchema + " is not among " + allowedSchemas);
    }
    catalog = catalog == null || catalog.isBlank() ? null : catalog.toLowerCase(Locale.ROOT);
    if (maxRows < 1) {
      throw new IllegalArgumentException("SqlPolicy: maxRows must be at least 1, was " + maxRows);
    }
    if (maxLength < 20) {
      throw new IllegalArgumentException("SqlPolicy: maxLength must be at least 20, was " + maxLength);
    }
  }

  /** Only {@code serving}, no catalog, 200 rows. */
  public static SqlPolicy servingOnly() {
    return new SqlPolicy(Set.of("serving"), "serving", null, DEFAULT_MAX_ROWS, DEFAULT_MAX_LENGTH);
  }
}
