package io.datagent.maintenance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a maintenance run touches and how.
 *
 * @param catalog        Unity Catalog catalog, or null for the session default
 * @param schemas        schemas whose Delta tables are maintained
 * @param retainHours    VACUUM retention; below {@link MaintenanceJob#MIN_RETAIN_HOURS} only with {@code forceRetention}
 * @param forceRetention allow a retention under 7 days (breaks time travel and concurrent readers older than that)
 * @param zorder         {@code schema.table} to Z-ORDER columns
 * @param tables         only these table names (empty: all)
 */
public record MaintenanceConfig(
    String catalog, List<String> schemas, int retainHours, boolean forceRetention, Map<String, List<String>> zorder,
    Set<String> tables) {}
