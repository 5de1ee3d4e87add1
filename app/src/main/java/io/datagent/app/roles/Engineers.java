package io.datagent.app.roles;

import io.datagent.app.web.Identity;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who belongs to the engineers group: the people who may label the monitor's decisions, run triage and trigger
 * repairs. Business users see answers and their own history only. Locally the group is a configured list of
 * e-mails; on Databricks it is a workspace group, read with the user's own identity ({@link WorkspaceGroupEngineers}).
 */
@FunctionalInterface
public interface Engineers {

  boolean includes(Identity who);

  /** The people listed (e-mails, compared without case); {@code *} lets everyone in. */
  static Engineers listed(Collection<String> emails) {
    Set<String> set = emails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    return who -> set.contains("*") || (who.email() != null && set.contains(who.email().strip().toLowerCase(Locale.ROOT)));
  }

  /** A comma-separated list, as {@code DATAGENT_ENGINEERS} gives it; null or blank: nobody. */
  static Engineers listed(String commaSeparated) {
    return listed(commaSeparated == null ? Set.of() : Arrays.asList(commaSeparated.split(",")));
  }

  /** Either this or {@code other}. */
  default Engineers or(Engineers other) {
    return who -> includes(who) || other.includes(who);
  }
}
