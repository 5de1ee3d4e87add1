package io.datagent.local;

import java.util.List;

/**
 * One {@code ./agent} subcommand. Implementations print progress for long work and end with a one-line summary;
 * the returned value is the process exit code (non-zero on failure).
 */
public interface Command {

  String name();

  /** One line for {@code ./agent help}. */
  String summary();

  int run(List<String> args, LocalRuntime runtime) throws Exception;
}
