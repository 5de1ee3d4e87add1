package io.datagent.agent.trusted;

import java.util.Map;

/**
 * A question answered by a trusted query.
 *
 * @param values each parameter's value, as used (the value index's spelling when the table has one)
 * @param sql the SQL with the values bound as literals (not yet guarded)
 */
public record TrustedMatch(TrustedQuery query, Map<String, String> values, String sql) {}
